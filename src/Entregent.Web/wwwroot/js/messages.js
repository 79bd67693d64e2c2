// Live messaging, as progressive enhancement: without this file (or when the hub is unreachable) the conversation page
// works by POST and redirect, and its refresh link fetches what came since. With it, replies go through the API, new
// messages appear as they arrive, and the nav shows the unread count on every page.
(function () {
    'use strict';

    var badge = document.querySelector('[data-unread-messages]');
    var thread = document.getElementById('conversation');
    if (!badge && !thread) {
        return;
    }
    var conversationId = thread ? Number(thread.getAttribute('data-conversation')) : 0;
    var live = thread && thread.getAttribute('data-live') === 'true';
    var me = thread ? thread.getAttribute('data-me') : null;
    var list = document.getElementById('messages');
    var json = { 'Accept': 'application/json', 'Content-Type': 'application/json' };

    var showCounts = function (counts) {
        if (!badge || !counts) {
            return;
        }
        var n = (counts.conversations || 0) + (counts.requests || 0);
        badge.querySelector('[data-count]').textContent = String(n);
        badge.hidden = n === 0;
    };

    var newKey = function () {
        if (window.crypto && window.crypto.randomUUID) {
            return window.crypto.randomUUID().replace(/-/g, '');
        }
        return String(Date.now()) + String(Math.random()).slice(2);
    };

    var markRead = function () {
        fetch('/api/v1/conversations/' + conversationId + '/read', { method: 'POST', credentials: 'same-origin', headers: json });
    };

    // One message as the page shows it; the body is set as text, never as HTML.
    var append = function (id, handle, name, body, sentAt, mine) {
        if (!list || document.getElementById('message-' + id)) {
            return;
        }
        var item = document.createElement('li');
        item.className = 'message' + (mine ? ' message-mine' : '');
        item.id = 'message-' + id;
        var meta = document.createElement('p');
        meta.className = 'meta';
        var author = document.createElement('a');
        author.href = '/in/' + encodeURIComponent(handle);
        author.textContent = name;
        meta.appendChild(author);
        // The long date, as the server writes the messages already on the page (Display.LongDate), in UTC like them.
        meta.appendChild(document.createTextNode(' · ' + new Date(sentAt).toLocaleDateString(document.documentElement.lang || undefined,
            { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
        var text = document.createElement('p');
        text.className = 'message-body';
        text.textContent = body;
        item.appendChild(meta);
        item.appendChild(text);
        list.appendChild(item);
        item.scrollIntoView({ block: 'nearest' });
    };

    if (badge) {
        fetch('/api/v1/me/unread', { credentials: 'same-origin', headers: json })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(showCounts)
            .catch(function () { /* the badge stays hidden */ });
    }

    if (window.signalR) {
        var connection = new window.signalR.HubConnectionBuilder().withUrl('/hubs/messaging').withAutomaticReconnect().build();
        connection.on('unread', showCounts);
        connection.on('message', function (m) {
            if (live && m.conversationId === conversationId) {
                append(m.id, m.authorHandle, m.authorName, m.body, m.sentAt, m.authorHandle === me);
                if (m.authorHandle !== me && document.visibilityState === 'visible') {
                    markRead();
                }
            }
        });
        connection.start().then(function () {
            document.documentElement.setAttribute('data-messaging', 'live');
            if (thread) {
                thread.setAttribute('data-connected', 'true');
            }
        }).catch(function () { /* the refresh link stays the way to see new messages */ });
    }

    // Replies through the API; any refusal or failure falls back to the plain form post, which shows the errors. The
    // client key makes that retry harmless: a message the API stored is not stored twice.
    var form = document.getElementById('reply-form');
    if (form && live) {
        var key = document.getElementById('reply-key');
        var box = form.querySelector('textarea');
        var sending = false;
        form.addEventListener('submit', function (event) {
            if (sending) {
                event.preventDefault();
                return;
            }
            if (!box.value.trim()) {
                return;
            }
            event.preventDefault();
            sending = true;
            fetch(form.getAttribute('data-api'), {
                method: 'POST',
                credentials: 'same-origin',
                headers: json,
                body: JSON.stringify({ body: box.value, clientKey: key.value })
            }).then(function (response) {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                return response.json();
            }).then(function (m) {
                append(m.id, m.author.handle, m.author.displayName, m.body, m.sentAt, true);
                box.value = '';
                key.value = newKey();
                sending = false;
            }).catch(function () {
                sending = false;
                form.submit();
            });
        });
    }
})();
