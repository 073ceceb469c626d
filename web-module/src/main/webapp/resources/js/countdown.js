// The resend cooldown, counted down on the page: a button with data-wait-seconds stays disabled
// until then, and the hint beside it says how long. The server enforces the cooldown either way;
// this only spares a press that would be refused. A file, not inline, so the CSP can forbid inline script.
// The words come from the page (data-wait-words, with {0} for the seconds), in its language.
(function () {
    document.querySelectorAll('[data-wait-seconds]').forEach(function (button) {
        var left = parseInt(button.getAttribute('data-wait-seconds'), 10);
        var hint = document.getElementById(button.getAttribute('aria-describedby'));
        var words = button.getAttribute('data-wait-words') || ' ({0} s)';
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
                hint.textContent = words.replace('{0}', left);
            }
        }, 1000);
    });
})();
