// "Copy" and "Print" of a new set of recovery codes (Security Settings). A file, not inline, so the
// CSP can forbid inline script. Without script the codes are still on the page and "Download" works.
(function () {
    function codes() {
        return Array.prototype.map.call(document.querySelectorAll('#recovery-codes code'), function (code) {
            return code.textContent.trim();
        }).join('\n');
    }
    var copy = document.getElementById('copy-recovery-codes');
    var said = document.getElementById('recovery-codes-copied');
    if (copy) {
        copy.addEventListener('click', function () {
            var done = function () { if (said) { said.textContent = copy.getAttribute('data-copied'); } };
            if (navigator.clipboard && navigator.clipboard.writeText) {
                navigator.clipboard.writeText(codes()).then(done);
            } else {
                var range = document.createRange();
                range.selectNodeContents(document.getElementById('recovery-codes'));
                var selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                document.execCommand('copy');
                done();
            }
        });
    }
    var print = document.getElementById('print-recovery-codes');
    if (print) {
        print.addEventListener('click', function () { window.print(); });
    }
})();
