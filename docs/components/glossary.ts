/**
 * The glossary: the report's terms of art, defined once, shown where they occur as a term with a tip on hover,
 * keyboard focus and tap (the same tip as a provenance badge), and listed in full on the methodology page.
 */
import {el} from "./dom.js";

export interface GlossaryEntry {
  /** The term as it is written in the text (also matched, case-sensitive, when the text is scanned). */
  term: string;
  /** Other spellings that are the same term. */
  also?: string[];
  definition: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    term: "PUE",
    definition:
      "Power usage effectiveness: a data centre's total power divided by the power its IT equipment draws. A PUE of 1.2 means 0.2 W of cooling and losses per watt of servers."
  },
  {
    term: "P10–P90",
    definition: "The range that holds the middle 80% of simulated outcomes: one in ten draws falls below the P10, one in ten above the P90."
  },
  {
    term: "Monte Carlo",
    definition:
      "Drawing every uncertain assumption at random from its range many times (with a fixed seed, so the result repeats) and recomputing the figure each time, to see how far it can move."
  },
  {
    term: "Black–Scholes",
    also: ["Black-Scholes"],
    definition:
      "A formula that values an option from today's value of what it buys, the price fixed for it, the time until it can be used, the interest rate and how much the value swings (volatility)."
  },
  {
    term: "H100e",
    also: ["H100-equivalents", "H100-equivalent"],
    definition:
      "H100-equivalents: compute expressed as the number of Nvidia H100 chips that would give the same peak dense BF16 throughput; it compares designs, not delivered training speed."
  },
  {
    term: "GW-year",
    also: ["GW-years"],
    definition: "One gigawatt of data-centre capacity used for one year: about 8.76 TWh of electricity at full load."
  },
  {
    term: "NPV",
    also: ["net present value"],
    definition:
      "Net present value: future cash flows discounted to today at a stated rate and added up. Below zero, the flows are worth less than nothing at that rate, even if the cash eventually turns positive."
  }
];

/** Returns a term with its definition in a tip shown on hover, focus and tap. */
export function Term(entry: GlossaryEntry, text = entry.term): HTMLElement {
  const node = el(
    "span",
    {class: "term", tabindex: 0, role: "button", "aria-label": `${text}: ${entry.definition}`},
    text,
    el("span", {class: "badge-tip term-tip", role: "tooltip"}, entry.definition)
  );
  node.addEventListener("click", () => {
    const open = node.classList.contains("term--open");
    for (const other of document.querySelectorAll(".term--open")) other.classList.remove("term--open");
    node.classList.toggle("term--open", !open);
  });
  node.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      node.classList.toggle("term--open");
    }
    if (event.key === "Escape") node.classList.remove("term--open");
  });
  return node;
}

/** Returns the whole glossary as a definition list, each term with an anchor `glossary-<n>`. */
export function Glossary(): HTMLElement {
  return el(
    "dl",
    {class: "glossary"},
    GLOSSARY.map((entry, i) => [el("dt", {id: `glossary-${i + 1}`}, entry.term), el("dd", {}, entry.definition)])
  );
}

const SKIP = "a, button, svg, script, style, h1, h2, h3, h4, h5, h6, .badge, .term, .glossary, [contenteditable]";

/** Each entry's spellings, longest first, as the patterns that find them as whole words. */
const PATTERNS = GLOSSARY.map((entry) => ({
  entry,
  spellings: [entry.term, ...(entry.also ?? [])]
    .sort((a, b) => b.length - a.length)
    .map((spelling) => ({spelling, pattern: new RegExp(`(?<![\\w-])${spelling.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`)}))
}));

/**
 * Marks the first occurrence of each glossary term in the text under `root` as a {@link Term} (outside links,
 * headings, charts and badges) and returns how many it marked. For the screen: print does not need tips. The text
 * is walked once (a part to skip is skipped whole), then each term looks through that list in document order, a
 * term's longest spelling first; what a term marks is taken out of the list, the text around it kept.
 *
 * @example glossify(document.querySelector("main")) // 4
 */
export function glossify(root: Element): number {
  if (root.closest(SKIP)) return 0;
  const texts: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.TEXT_NODE
        ? NodeFilter.FILTER_ACCEPT
        : (node as Element).matches(SKIP)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  let marked = 0;
  for (const {entry, spellings} of PATTERNS) {
    found: for (let i = 0; i < texts.length; i++) {
      const node = texts[i];
      for (const {spelling, pattern} of spellings) {
        const at = node.data.search(pattern);
        if (at < 0) continue;
        const rest = node.splitText(at);
        const after = rest.splitText(spelling.length);
        rest.replaceWith(Term(entry, spelling));
        // The text before the term stays at i, the text after it follows; the term's own text is not text to mark.
        texts.splice(i + 1, 0, after);
        ++marked;
        break found;
      }
    }
  }
  return marked;
}
