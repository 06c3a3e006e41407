/* wagtail-learninggroups: quizzes answered in place, and group answers revealed in place.
 * Progressive enhancement only: without this script the same forms and links work as pages. */
(function () {
    "use strict";
    if (window.learningGroupsQuiz) {
        return;
    }
    window.learningGroupsQuiz = true;

    var FRAGMENT = { "X-LG-Quiz": "fragment" };

    function focusFirst(root, selector) {
        var target = root.querySelector(selector);
        if (target) {
            if (!target.hasAttribute("tabindex")) {
                target.setAttribute("tabindex", "-1");
            }
            target.focus();
        }
    }

    document.addEventListener("submit", function (event) {
        var form = event.target.closest("form[data-lg-quiz-form]");
        var body = form && form.closest("[data-lg-quiz-body]");
        if (!body || !window.fetch || !window.FormData) {
            return;
        }
        event.preventDefault();
        var button = form.querySelector("[type=submit]");
        if (button) {
            button.disabled = true;
        }
        body.setAttribute("aria-busy", "true");
        fetch(form.action, {
            method: "POST",
            body: new FormData(form),
            headers: FRAGMENT,
            credentials: "same-origin"
        })
            .then(function (response) {
                if (response.headers.get("X-LG-Quiz") !== "fragment") {
                    throw new Error("not a quiz fragment");
                }
                return response.text();
            })
            .then(function (html) {
                body.innerHTML = html;
                body.removeAttribute("aria-busy");
                focusFirst(body, "[data-lg-quiz-result], [data-lg-quiz-errors], [data-lg-quiz-message]");
            })
            .catch(function () {
                // No reply of ours: the network failed, or the session expired. Sending the form
                // again by itself could keep a second attempt, so say so and let the person choose.
                body.removeAttribute("aria-busy");
                if (button) {
                    button.disabled = false;
                }
                var note = form.querySelector("[data-lg-quiz-offline]");
                if (!note) {
                    note = document.createElement("p");
                    note.setAttribute("role", "alert");
                    note.setAttribute("data-lg-quiz-offline", "");
                    note.className = "lg-quiz__message";
                    form.insertBefore(note, form.firstChild);
                }
                note.textContent = form.getAttribute("data-lg-offline-message");
                focusFirst(form, "[data-lg-quiz-offline]");
            });
    });

    document.addEventListener("click", function (event) {
        var link = event.target.closest("a[data-lg-reveal]");
        var region = link && link.closest(".lg-present");
        var answer = region && region.querySelector("[data-lg-answer]");
        if (!answer || !window.fetch) {
            return;
        }
        event.preventDefault();
        fetch(link.href, { headers: FRAGMENT, credentials: "same-origin" })
            .then(function (response) {
                if (!response.ok || response.headers.get("X-LG-Quiz") !== "fragment") {
                    throw new Error(response.statusText);
                }
                return response.text();
            })
            .then(function (html) {
                answer.innerHTML = html;
                link.parentNode.removeChild(link);
                focusFirst(answer, "[data-lg-revealed]");
            })
            .catch(function () {
                window.location.href = link.href;
            });
    });
})();
