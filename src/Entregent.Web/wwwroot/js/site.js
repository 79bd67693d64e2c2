// Progressive enhancement only: every page works without this file.
(function () {
    'use strict';

    // After a refused submit, move focus to the error summary so keyboard and screen-reader users hear it first.
    var summary = document.querySelector('.error-summary');
    if (summary) {
        summary.focus();
    }

    // "I currently work here" greys out the end month it makes irrelevant.
    document.querySelectorAll('input[type=checkbox][data-disables]').forEach(function (box) {
        var target = document.getElementById(box.getAttribute('data-disables'));
        if (!target) {
            return;
        }
        var sync = function () {
            target.disabled = box.checked;
            target.closest('.field').classList.toggle('field-disabled', box.checked);
        };
        box.addEventListener('change', sync);
        sync();
    });

    // Links in the summary jump to a field's label area; put the caret in the field itself.
    document.querySelectorAll('.error-summary a[href^="#"]').forEach(function (link) {
        link.addEventListener('click', function (event) {
            var field = document.getElementById(link.getAttribute('href').slice(1));
            if (field) {
                event.preventDefault();
                field.scrollIntoView({ block: 'center' });
                field.focus();
            }
        });
    });
})();
