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
