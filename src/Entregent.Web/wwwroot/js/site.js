// Progressive enhancement only: every page works without this file.
(function () {
    'use strict';

    // After a refused submit: list the errors in the order of the fields, name the field before each message
    // ("Title: This field is required."), then move focus to the summary so it is heard first.
    var summary = document.querySelector('.error-summary');
    if (summary) {
        var list = summary.querySelector('ul');
        var items = Array.prototype.slice.call(list.children);
        var target = function (item) {
            var link = item.querySelector('a[href^="#"]');
            return link ? document.getElementById(link.getAttribute('href').slice(1)) : null;
        };
        items.forEach(function (item) {
            var field = target(item);
            var label = field && document.querySelector('label[for="' + field.id + '"]');
            if (label) {
                var name = label.cloneNode(true);
                name.querySelectorAll('.optional').forEach(function (optional) { optional.remove(); });
                item.querySelector('a').textContent = name.textContent.trim() + ' — ' + item.querySelector('a').textContent;
            }
        });
        items.sort(function (a, b) {
            var fa = target(a), fb = target(b);
            if (!fa || !fb) {
                return fa ? 1 : fb ? -1 : 0;
            }
            return fa.compareDocumentPosition(fb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
        });
        items.forEach(function (item) { list.appendChild(item); });
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
