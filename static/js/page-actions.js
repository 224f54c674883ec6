// Behaviour that used to be inline handlers (onclick/onsubmit), which the
// Content-Security-Policy forbids: every page loads this file instead.
//   <form data-confirm="确定删除？">  asks before submitting;
//   <button data-case="12">          files the new block under case 12 (the form's `case` field).
document.addEventListener("submit", (event) => {
  const question = event.target.dataset ? event.target.dataset.confirm : undefined;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

document.addEventListener("click", (event) => {
  const button = event.target.closest ? event.target.closest("button[data-case]") : null;
  if (button && button.form && button.form.elements.case) {
    button.form.elements.case.value = button.dataset.case;
  }
});
