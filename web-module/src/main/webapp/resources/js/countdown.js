// The resend cooldown, counted down on the page: a button with data-wait-seconds stays disabled
// until then, and the hint beside it says how long. The server enforces the cooldown either way;
// this only spares a press that would be refused. A file, not inline, so the CSP can forbid inline script.
(function () {
    document.querySelectorAll('[data-wait-seconds]').forEach(function (button) {
        var left = parseInt(button.getAttribute('data-wait-seconds'), 10);
        var hint = document.getElementById(button.getAttribute('aria-describedby'));
        if (!(left > 0)) {
            return;
        }
        button.disabled = true;
        var timer = setInterval(function () {
            left -= 1;
            if (left <= 0) {
                clearInterval(timer);
                button.disabled = false;
                if (hint) { hint.textContent = ''; }
            } else if (hint) {
                hint.textContent = ' (you can ask for a new one in ' + left + ' s)';
            }
        }, 1000);
    });
})();
