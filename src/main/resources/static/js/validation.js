// The browser's own bubbles for a field left empty or filled wrongly speak the page's language, not the browser's:
// the texts come from the page (meta "portal-validation", from messages_*.properties).
(function () {
  function texts() {
    var meta = document.querySelector('meta[name="portal-validation"]');
    return meta ? meta.dataset : {};
  }
  function message(field, t) {
    var v = field.validity;
    if (v.valueMissing) { return field.type === 'file' ? t.file : (field.type === 'radio' || field.type === 'checkbox') ? t.choose : t.required; }
    if (v.typeMismatch) { return field.type === 'email' ? t.email : t.type; }
    if (v.tooLong || v.tooShort) { return t.length; }
    if (v.patternMismatch) { return t.pattern; }
    if (v.rangeUnderflow || v.rangeOverflow || v.stepMismatch) { return t.range; }
    if (v.badInput) { return t.type; }
    return '';
  }
  document.addEventListener('invalid', function (event) {
    var field = event.target;
    if (field.setCustomValidity && !field.validity.customError) {
      field.setCustomValidity(message(field, texts()) || '');
    }
  }, true);
  ['input', 'change'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (event.target.setCustomValidity) { event.target.setCustomValidity(''); }
    }, true);
  });
})();
