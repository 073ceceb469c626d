/*
 * Passkeys (WebAuthn) for a Faces form that carries data-passkey-ceremony ("create" to add one, "get" to
 * sign in with one) and data-passkey-options (the server's options, JSON, binary members in base64url).
 * Its button with data-passkey-start runs navigator.credentials.create/get, puts the answer as JSON into
 * the hidden field with data-passkey-response, and submits the form with that button. Served as a file:
 * the pages' Content-Security-Policy allows no inline script.
 */
(function () {
    'use strict';

    function bytes(base64url) {
        var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
        while (base64.length % 4) {
            base64 += '=';
        }
        var text = atob(base64);
        var array = new Uint8Array(text.length);
        for (var i = 0; i < text.length; i++) {
            array[i] = text.charCodeAt(i);
        }
        return array.buffer;
    }

    function base64url(buffer) {
        if (!buffer) {
            return null;
        }
        var array = new Uint8Array(buffer);
        var text = '';
        for (var i = 0; i < array.length; i++) {
            text += String.fromCharCode(array[i]);
        }
        return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function descriptors(list) {
        return (list || []).map(function (d) {
            return {type: d.type, id: bytes(d.id)};
        });
    }

    function creationOptions(o) {
        var options = Object.assign({}, o);
        options.challenge = bytes(o.challenge);
        options.user = Object.assign({}, o.user, {id: bytes(o.user.id)});
        options.excludeCredentials = descriptors(o.excludeCredentials);
        return options;
    }

    function requestOptions(o) {
        var options = Object.assign({}, o);
        options.challenge = bytes(o.challenge);
        options.allowCredentials = descriptors(o.allowCredentials);
        return options;
    }

    /* The JSON of a PublicKeyCredential (WebAuthn Level 3, toJSON()), written out for browsers without it. */
    function asJson(credential) {
        var response = credential.response;
        var json = {
            id: credential.id,
            rawId: base64url(credential.rawId),
            type: credential.type,
            authenticatorAttachment: credential.authenticatorAttachment || null,
            clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
            response: {clientDataJSON: base64url(response.clientDataJSON)}
        };
        if (response.attestationObject) {
            json.response.attestationObject = base64url(response.attestationObject);
            json.response.transports = response.getTransports ? response.getTransports() : [];
        } else {
            json.response.authenticatorData = base64url(response.authenticatorData);
            json.response.signature = base64url(response.signature);
            json.response.userHandle = base64url(response.userHandle);
        }
        return JSON.stringify(json);
    }

    function ceremony(form) {
        var options = JSON.parse(form.getAttribute('data-passkey-options'));
        if (form.getAttribute('data-passkey-ceremony') === 'create') {
            return navigator.credentials.create({publicKey: creationOptions(options)});
        }
        return navigator.credentials.get({publicKey: requestOptions(options)});
    }

    document.querySelectorAll('form[data-passkey-ceremony]').forEach(function (form) {
        var field = form.querySelector('input[data-passkey-response]') || form.querySelector('input[type="hidden"][id$="passkey-response"]');
        var failure = form.querySelector('[data-passkey-failure]');
        form.addEventListener('submit', function (event) {
            var button = event.submitter;
            if (!button || !button.hasAttribute('data-passkey-start') || !field || field.value) {
                return; // another button, or the answer is in: the form goes to the server
            }
            event.preventDefault();
            if (failure) {
                failure.hidden = true;
            }
            if (!window.PublicKeyCredential || !form.getAttribute('data-passkey-options')) {
                if (failure) {
                    failure.hidden = false;
                }
                return;
            }
            button.disabled = true;
            ceremony(form).then(function (credential) {
                field.value = asJson(credential);
                button.disabled = false;
                form.requestSubmit(button);
            }).catch(function () {
                // Cancelled, timed out, or no suitable authenticator: nothing was sent; the person may try again.
                button.disabled = false;
                if (failure) {
                    failure.hidden = false;
                }
            });
        });
    });
}());
