// Shows upload progress: forms with class "upload-form" are sent with XMLHttpRequest and a <progress> bar;
// without JavaScript they still work as plain forms.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('form.upload-form').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      var input = form.querySelector('input[type=file]');
      if (!input || !input.files.length || !window.FormData) {
        return;
      }
      event.preventDefault();
      var bar = form.querySelector('progress');
      var button = form.querySelector('button[type=submit]');
      if (bar) { bar.hidden = false; bar.value = 0; }
      if (button) { button.disabled = true; }
      var request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.upload.addEventListener('progress', function (e) {
        if (bar && e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); }
      });
      request.addEventListener('load', function () {
        var next = new DOMParser().parseFromString(request.responseText, 'text/html');
        var problems = next.querySelector('#problems, #problem');
        var sameForm = request.responseURL && new URL(request.responseURL).pathname === window.location.pathname;
        if (problems && sameForm) {
          // Refused, back on this page: show why and keep the files the person chose (a new page would lose them)
          document.querySelectorAll('#problems, #problem').forEach(function (old) { old.remove(); });
          form.parentNode.insertBefore(document.importNode(problems, true), form);
          if (button) { button.disabled = false; }
          if (bar) { bar.hidden = true; }
          problems = document.querySelector('#problems, #problem');
          problems.setAttribute('tabindex', '-1');
          problems.focus();
          return;
        }
        // The server answered with the next page (after its redirect): show it as it is, so that its one-time
        // messages ("saved", "uploaded") are not lost to a second request.
        if (request.responseURL) {
          window.history.replaceState(null, '', request.responseURL);
        }
        document.open();
        document.write(request.responseText);
        document.close();
      });
      request.addEventListener('error', function () {
        if (button) { button.disabled = false; }
        if (bar) { bar.hidden = true; }
        form.submit();
      });
      request.send(new FormData(form));
    });
  });
});
