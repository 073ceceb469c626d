// Warns before the session ends and offers to extend it (WCAG 2.2.1 Timing Adjustable). The server
// ends a session after data-idle-seconds without a request; data-warn-seconds before that the warning
// shows, and "Extend session" posts to data-extend-url, a request that starts the idle time again.
// A signed-in session also ends data-absolute-end-seconds after sign-in however active (a security
// rule, OWASP ASVS V7.3): that end is announced the same way, and cannot be extended.
// The words come from the page, in its language; {0} is the time of the end.
(function () {
    var box = document.getElementById('session-warning');
    if (!box) {
        return;
    }
    var text = document.getElementById('session-warning-text');
    var extend = document.getElementById('extend-session');
    var again = document.getElementById('session-start-again');
    var idle = parseInt(box.getAttribute('data-idle-seconds'), 10) * 1000;
    var warn = parseInt(box.getAttribute('data-warn-seconds'), 10) * 1000;
    var absolute = parseInt(box.getAttribute('data-absolute-end-seconds'), 10);
    var absoluteEnd = absolute >= 0 ? Date.now() + absolute * 1000 : null;
    var timers = [];
    if (!(idle > 0)) {
        return;
    }

    function clock(time) {
        return new Date(time).toLocaleTimeString(document.documentElement.lang || undefined, {hour: '2-digit', minute: '2-digit'});
    }

    function say(words, time) {
        text.textContent = box.getAttribute(words).replace('{0}', clock(time));
    }

    function schedule() {
        timers.forEach(clearTimeout);
        var idleEnd = Date.now() + idle;
        var extendable = absoluteEnd === null || idleEnd < absoluteEnd;
        var end = extendable ? idleEnd : absoluteEnd;
        timers = [
            setTimeout(function () {
                say(extendable ? 'data-ends-words' : 'data-absolute-end-words', end);
                extend.hidden = !extendable;
                show();
                if (extendable) {
                    extend.focus();
                }
            }, Math.max(0, end - warn - Date.now())),
            setTimeout(ended, Math.max(0, end - Date.now() + 1000))
        ];
    }

    function ended() {
        timers.forEach(clearTimeout);
        text.textContent = box.getAttribute('data-ended-words');
        extend.hidden = true;
        again.href = window.location.href;
        again.hidden = false;
        show();
    }

    // The page gets room at its foot, so that the warning hides nothing that has the focus (WCAG 2.4.11).
    function show() {
        box.hidden = false;
        document.body.classList.add('session-warning-shown');
    }

    extend.addEventListener('click', function () {
        fetch(box.getAttribute('data-extend-url'), {method: 'POST', credentials: 'same-origin'}).then(function (answer) {
            if (answer.status !== 204) {
                ended();
                return;
            }
            box.hidden = true;
            document.body.classList.remove('session-warning-shown');
            var region = document.getElementById('announcements');
            if (region) {
                region.textContent = box.getAttribute('data-extended-words');
            }
            schedule();
        }, ended);
    });
    schedule();
})();
