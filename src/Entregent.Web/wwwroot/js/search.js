// The search page's filter column: ticking a box runs the search at once (without this file, "Apply filters" does),
// and the box ticked keeps the focus on the new page so a keyboard user carries on where they were.
(function () {
    'use strict';

    var form = document.querySelector('form.search-page');
    if (!form) {
        return;
    }
    var key = 'entregent.search.focus';
    var remembered = null;
    try {
        remembered = window.sessionStorage.getItem(key);
        window.sessionStorage.removeItem(key);
    } catch (e) {
        remembered = null;
    }
    form.querySelectorAll('.search-filters input[type="checkbox"]').forEach(function (box) {
        var id = box.name + '=' + box.value;
        if (remembered === id) {
            box.focus();
        }
        box.addEventListener('change', function () {
            try {
                window.sessionStorage.setItem(key, id);
            } catch (e) {
                // Private browsing may refuse storage; the focus then simply starts at the top.
            }
            form.requestSubmit();
        });
    });
    var hint = form.querySelector('.search-filters .js-only');
    if (hint) {
        hint.hidden = false;
    }
})();
