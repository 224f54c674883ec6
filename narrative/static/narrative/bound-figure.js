// Editor extension for the section text: bound figures (a reference to a figure of the year,
// stored as <span class="bound-figure" data-code="…"></span> and shown with its current value)
// and a paste clean-up that keeps Word's lists and headings as real lists and headings.
import { Decoration, Node, Plugin } from "django-prose-editor/editor"

function figures() {
  const el = document.getElementById("bound-figures-data")
  return el ? JSON.parse(el.textContent) : {}
}

// Typed numbers that agree with a figure (the prose check, narrative/prose_numbers):
// [{snippet: "高级职称 13 人", typed: "13 人", code, label, display}]. Marked in the text; one
// click turns the typed number into the bound figure.
function typedFigures() {
  const el = document.getElementById("typed-figures-data")
  return el ? JSON.parse(el.textContent) : []
}

export function typedRanges(doc) {
  const hints = typedFigures()
  const ranges = []
  if (!hints.length) return ranges
  doc.descendants((node, pos) => {
    if (!node.isText) return
    for (const hint of hints) {
      const offset = hint.snippet.length - hint.typed.length
      let index = node.text.indexOf(hint.snippet)
      while (index !== -1) {
        const from = pos + index + offset
        ranges.push({ from, to: from + hint.typed.length, hint })
        index = node.text.indexOf(hint.snippet, index + hint.snippet.length)
      }
    }
  })
  return ranges
}

export const BoundFigure = Node.create({
  name: "boundFigure",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      code: {
        default: null,
        parseHTML: (el) => el.getAttribute("data-code"),
        renderHTML: (attrs) => ({ "data-code": attrs.code }),
      },
    }
  },
  parseHTML() {
    return [{ tag: "span.bound-figure[data-code]" }]
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", { class: "bound-figure", ...HTMLAttributes }]
  },
  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement("span")
      const figure = figures()[node.attrs.code]
      dom.className = figure ? "bound-figure" : "bound-figure missing"
      dom.dataset.code = node.attrs.code
      dom.contentEditable = "false"
      dom.textContent = figure ? figure.text : `【缺少数据：${node.attrs.code}】`
      dom.title = figure ? `${figure.label}（自动引用的数据）` : ""
      return { dom }
    }
  },
  addCommands() {
    return {
      insertBoundFigure:
        (code) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { code } }),
    }
  },
  addDecorations() {
    return {
      create: ({ state }) =>
        typedRanges(state.doc).map(({ from, to, hint }) =>
          Decoration.Inline(from, to, {
            class: "typed-figure",
            "data-code": hint.code,
            title: `与数据一致：${hint.label} ${hint.display}。点击改为引用数据`,
          }),
        ),
    }
  },
  addProseMirrorPlugins() {
    const editor = this.editor
    const bindAt = (pos) => {
      const range = typedRanges(editor.state.doc).find((r) => r.from <= pos && pos <= r.to)
      if (!range) return false
      editor
        .chain()
        .focus()
        .insertContentAt({ from: range.from, to: range.to }, { type: "boundFigure", attrs: { code: range.hint.code } })
        .run()
      return true
    }
    return [
      new Plugin({
        props: {
          transformPastedHTML: wordToStructure,
          handleClick: (view, pos, event) => (event.target.closest(".typed-figure") ? bindAt(pos) : false),
        },
      }),
    ]
  },
})

// Word marks list items as paragraphs (class MsoListParagraph…, style mso-list) with the
// bullet or number typed into a hidden span; turn them into <ul>/<ol><li>.
export function wordToStructure(html) {
  if (!/mso-|MsoList|<h[1-4]/i.test(html)) return html
  const doc = new DOMParser().parseFromString(html, "text/html")
  doc.querySelectorAll("h1,h2,h3,h4").forEach((h) => {
    const level = h.tagName === "H4" ? "h6" : "h5"
    const replacement = doc.createElement(level)
    replacement.innerHTML = h.innerHTML
    h.replaceWith(replacement)
  })
  const isItem = (el) =>
    el &&
    el.tagName === "P" &&
    (/MsoListParagraph/i.test(el.className) || /mso-list:\s*l\d/i.test(el.getAttribute("style") || ""))
  for (const p of Array.from(doc.body.querySelectorAll("p"))) {
    if (!isItem(p) || !p.isConnected) continue
    const marker = p.querySelector('span[style*="mso-list:Ignore"], span[style*="mso-list: Ignore"]')
    const ordered = marker && /^\s*[\(（]?\d+|^\s*[a-z]\W|^\s*[一二三四五六七八九十]/i.test(marker.textContent)
    const list = doc.createElement(ordered ? "ol" : "ul")
    p.before(list)
    let current = p
    while (isItem(current)) {
      const next = current.nextElementSibling
      current
        .querySelectorAll('span[style*="mso-list:Ignore"], span[style*="mso-list: Ignore"]')
        .forEach((s) => s.remove())
      const li = doc.createElement("li")
      li.innerHTML = `<p>${current.innerHTML.replace(/^(\s|&nbsp;)+/, "")}</p>`
      list.append(li)
      current.remove()
      current = next
    }
  }
  return doc.body.innerHTML
}
