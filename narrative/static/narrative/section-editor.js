// The bound-figure picker: inserts the chosen figure into the text editor last focused.
const editors = []
let current = null

document.addEventListener("prose-editor:ready", (event) => {
  const { editor } = event.detail
  editors.push(editor)
  current = current || editor
  editor.on("focus", () => {
    current = editor
  })
})

document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-insert-figure]")
  if (!button) return
  event.preventDefault()
  const select = document.getElementById(button.dataset.insertFigure)
  if (!select || !select.value || !current) return
  current.chain().focus().insertBoundFigure(select.value).run()
})
