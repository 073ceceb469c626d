// Makes a page's messages heard (WCAG 3.3.1, 4.1.3). Every form post comes back as a new page, on
// which a screen reader reads from the top, so: each field with a message says it is invalid and is
// described by its message; the first error takes the focus (it is read out, and the field it
// describes is next); every message is also put into the template's live region, once the page is
// there, which reads it out wherever the focus is. A file, not inline, so the CSP can forbid inline script.
(function () {
    var count = 0;
    document.querySelectorAll('.field .error').forEach(function (message) {
        var control = message.closest('.field').querySelector('input, select, textarea');
        if (!control || !message.textContent.trim()) {
            return;
        }
        if (!message.id) {
            count += 1;
            message.id = 'field-message-' + count;
        }
        control.setAttribute('aria-invalid', 'true');
        var described = control.getAttribute('aria-describedby');
        control.setAttribute('aria-describedby', message.id + (described ? ' ' + described : ''));
    });
    var errors = Array.prototype.filter.call(document.querySelectorAll('.messages .error, .field .error, p.error'),
        function (message) { return message.textContent.trim(); });
    if (errors.length > 0) {
        errors[0].setAttribute('tabindex', '-1');
        errors[0].focus();
    }
    var region = document.getElementById('announcements');
    var messages = document.querySelectorAll('.messages li, .field .error, .notice');
    if (region && messages.length > 0) {
        // Filled a moment after the page is there: a live region is read out when it changes, not when it loads.
        setTimeout(function () {
            region.textContent = Array.prototype.map.call(messages, function (m) { return m.textContent.trim(); })
                .filter(function (text) { return text; }).join(' ');
        }, 500);
    }
})();
