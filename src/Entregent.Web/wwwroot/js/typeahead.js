// The header's search box as an ARIA 1.2 combobox (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): while the member
// types, suggestions from /api/v1/search/typeahead in a listbox grouped People / Organisations / Skills, then "See all
// results". Progressive enhancement only: without this file the box is a plain form that opens the search page.
(function () {
    'use strict';

    var form = document.querySelector('form[data-typeahead]');
    if (!form || !window.fetch || !window.AbortController) {
        return;
    }
    var input = form.querySelector('input[name="q"]');
    if (!input) {
        return;
    }
    var text = form.dataset;
    var endpoint = text.typeahead;
    var maxLength = parseInt(text.maxLength, 10) || 100;
    var delay = 150;
    var groups = [
        { kind: 'member', label: text.textPeople },
        { kind: 'organization', label: text.textOrganizations },
        { kind: 'skill', label: text.textSkills }
    ];
    var degrees = { first: text.degreeFirst, second: text.degreeSecond, third: text.degreeThird };

    var listbox = document.createElement('div');
    listbox.id = input.id + '-listbox';
    listbox.className = 'typeahead-list';
    listbox.setAttribute('role', 'listbox');
    listbox.setAttribute('aria-label', text.textSuggestions);
    listbox.hidden = true;
    var status = document.createElement('div');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    input.insertAdjacentElement('afterend', listbox);
    form.appendChild(status);
    form.classList.add('typeahead');

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listbox.id);

    var timer = 0;
    var pending = null;
    var options = [];
    var active = -1;
    var shownFor = null;

    function format(template, value) {
        return (template || '').replace('{0}', value);
    }

    // Only addresses on this site: a suggestion must never send the member elsewhere.
    function isLocal(url) {
        return typeof url === 'string' && url.charAt(0) === '/' && url.charAt(1) !== '/' && url.charAt(1) !== '\\';
    }

    function initials(name) {
        var words = (name || '').split(/\s+/).filter(function (w) { return w.length > 0; });
        var letters = words.slice(0, 2).map(function (w) { return w.charAt(0).toLocaleUpperCase(); }).join('');
        return letters || '?';
    }

    function span(className, content) {
        var element = document.createElement('span');
        element.className = className;
        element.textContent = content;
        return element;
    }

    function isOpen() {
        return !listbox.hidden;
    }

    function open() {
        listbox.hidden = false;
        input.setAttribute('aria-expanded', 'true');
    }

    function close() {
        listbox.hidden = true;
        input.setAttribute('aria-expanded', 'false');
        setActive(-1);
    }

    function setActive(index) {
        if (active >= 0 && options[active]) {
            options[active].setAttribute('aria-selected', 'false');
        }
        active = index;
        if (index < 0 || !options[index]) {
            active = -1;
            input.removeAttribute('aria-activedescendant');
            return;
        }
        options[index].setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', options[index].id);
        options[index].scrollIntoView({ block: 'nearest' });
    }

    function choose(option) {
        var url = option.getAttribute('data-url');
        if (isLocal(url)) {
            close();
            window.location.assign(url);
        }
    }

    function option(url, className) {
        var element = document.createElement('div');
        element.id = listbox.id + '-' + options.length;
        element.className = 'typeahead-option ' + className;
        element.setAttribute('role', 'option');
        element.setAttribute('aria-selected', 'false');
        element.setAttribute('data-url', url);
        options.push(element);
        return element;
    }

    function suggestion(item) {
        var element = option(item.url, 'typeahead-' + item.kind);
        if (item.kind === 'member' && item.photoUrl && isLocal(item.photoUrl)) {
            var photo = document.createElement('img');
            photo.className = 'avatar typeahead-avatar';
            photo.src = item.photoUrl;
            photo.alt = '';
            photo.width = 32;
            photo.height = 32;
            element.appendChild(photo);
        } else {
            var stand = span('avatar avatar-initials typeahead-avatar' + (item.kind === 'member' ? '' : ' typeahead-square'),
                item.kind === 'skill' ? '#' : initials(item.label));
            stand.setAttribute('aria-hidden', 'true');
            element.appendChild(stand);
        }
        var body = span('typeahead-body', '');
        body.appendChild(span('typeahead-label', item.label));
        if (item.kind === 'member' && degrees[item.degree]) {
            body.appendChild(span('degree', degrees[item.degree]));
        }
        var details = [];
        if (item.detail) {
            details.push(item.detail);
        }
        if (item.kind !== 'member' && typeof item.memberCount === 'number') {
            details.push(item.memberCount === 1 ? text.textOne : format(text.textCount, item.memberCount));
        }
        if (details.length > 0) {
            body.appendChild(span('typeahead-detail', details.join(' · ')));
        }
        element.appendChild(body);
        return element;
    }

    function render(query, items) {
        listbox.textContent = '';
        options = [];
        active = -1;
        input.removeAttribute('aria-activedescendant');
        groups.forEach(function (group, index) {
            var matching = items.filter(function (item) { return item.kind === group.kind && isLocal(item.url); });
            if (matching.length === 0) {
                return;
            }
            var box = document.createElement('div');
            box.setAttribute('role', 'group');
            box.className = 'typeahead-group';
            var heading = span('typeahead-heading', group.label);
            heading.id = listbox.id + '-group-' + index;
            heading.setAttribute('role', 'presentation');
            box.setAttribute('aria-labelledby', heading.id);
            box.appendChild(heading);
            matching.forEach(function (item) { box.appendChild(suggestion(item)); });
            listbox.appendChild(box);
        });
        var count = options.length;
        var all = option('/search?q=' + encodeURIComponent(query), 'typeahead-all');
        all.textContent = format(text.textAll, query);
        listbox.appendChild(all);
        shownFor = query;
        open();
        status.textContent = count > 0 ? format(text.textFound, count) : text.textNothing;
    }

    function fetchSuggestions(query) {
        if (pending) {
            pending.abort();
        }
        if (query.length > maxLength) {
            render(query, []);
            return;
        }
        var controller = new AbortController();
        pending = controller;
        fetch(endpoint + '?q=' + encodeURIComponent(query), {
            credentials: 'same-origin',
            headers: { Accept: 'application/json' },
            signal: controller.signal
        })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('typeahead answered ' + response.status);
                }
                return response.json();
            })
            .then(function (data) {
                // A slower answer to an earlier query must not replace the suggestions for what is typed now.
                if (input.value.trim() === query && document.activeElement === input) {
                    render(query, (data && data.items) || []);
                }
            })
            .catch(function (error) {
                if (error.name !== 'AbortError' && input.value.trim() === query && document.activeElement === input) {
                    render(query, []);
                }
            })
            .finally(function () {
                if (pending === controller) {
                    pending = null;
                }
            });
    }

    input.addEventListener('input', function () {
        window.clearTimeout(timer);
        var query = input.value.trim();
        if (query.length === 0) {
            if (pending) {
                pending.abort();
            }
            shownFor = null;
            close();
            return;
        }
        timer = window.setTimeout(function () { fetchSuggestions(query); }, delay);
    });

    input.addEventListener('keydown', function (event) {
        switch (event.key) {
            case 'ArrowDown':
                if (!isOpen()) {
                    if (shownFor === null || shownFor !== input.value.trim()) {
                        return;
                    }
                    open();
                }
                event.preventDefault();
                setActive(active + 1 < options.length ? active + 1 : 0);
                break;
            case 'ArrowUp':
                if (!isOpen()) {
                    return;
                }
                event.preventDefault();
                setActive(active > 0 ? active - 1 : options.length - 1);
                break;
            case 'Enter':
                if (isOpen() && active >= 0) {
                    event.preventDefault();
                    choose(options[active]);
                }
                break;
            case 'Escape':
                if (isOpen()) {
                    event.preventDefault();
                    close();
                } else if (input.value.length > 0) {
                    event.preventDefault();
                    input.value = '';
                    shownFor = null;
                }
                break;
            case 'Tab':
                close();
                break;
            default:
                break;
        }
    });

    input.addEventListener('blur', function () {
        close();
    });

    input.addEventListener('focus', function () {
        if (shownFor !== null && shownFor === input.value.trim() && options.length > 0) {
            open();
        }
    });

    // Keep the focus in the box while the pointer is down, so picking a suggestion does not close the list first.
    listbox.addEventListener('mousedown', function (event) {
        event.preventDefault();
    });

    listbox.addEventListener('click', function (event) {
        var target = event.target.closest('[role="option"]');
        if (target) {
            choose(target);
        }
    });

    listbox.addEventListener('mousemove', function (event) {
        var target = event.target.closest('[role="option"]');
        var index = options.indexOf(target);
        if (index >= 0 && index !== active) {
            setActive(index);
        }
    });

    document.addEventListener('pointerdown', function (event) {
        if (!form.contains(event.target)) {
            close();
        }
    });
})();
