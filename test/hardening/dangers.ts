/**
 * What makes a DOM dangerous, checked the same way on sanitized HTML (jsdom) and on a rendered page (Chromium,
 * through page.evaluate: the function is self-contained so Puppeteer can send it to the browser).
 */

/**
 * Returns one line per danger under `root`: an event-handler attribute (`on…`), `srcdoc`, a URL attribute
 * holding a javascript:, data:, vbscript: or file: URL (data: images in img, SVG image and the icon link excepted), a `style` with
 * script or `expression(`, and, with `allowedTags`, any element whose tag is not in it.
 */
export function findDangers(root: ParentNode, allowedTags: string[] | null = null): string[] {
  const found: string[] = [];
  const urlAttribute = /^(?:href|src|srcset|action|formaction|poster|data|xlink:href|ping|background|cite|manifest|codebase|content)$/i;
  const badScheme = /^(?:javascript|vbscript|data|file):/i;
  for (const element of Array.from(root.querySelectorAll("*"))) {
    const tag = element.tagName.toLowerCase();
    if (allowedTags && !allowedTags.includes(tag)) found.push(`<${tag}> not allowed`);
    for (const {name, value} of Array.from(element.attributes)) {
      const compact = value.replace(/[\p{Cc}\s]+/gu, "");
      if (/^on/i.test(name)) found.push(`<${tag} ${name}="${value.slice(0, 60)}">`);
      else if (name.toLowerCase() === "srcdoc") found.push(`<${tag} srcdoc>`);
      else if (name.toLowerCase() === "style" && /javascript:|expression\(/i.test(compact))
        found.push(`<${tag} style="${value.slice(0, 60)}">`);
      else if (urlAttribute.test(name)) {
        const url = name.toLowerCase() === "content" ? compact.replace(/^\d*;?url=/i, "") : compact;
        // An image as a data: URL (the site's icon, a chart's colour ramp) cannot run script; elsewhere data: can.
        const image =
          /^data:image\//i.test(url) &&
          (tag === "img" || tag === "image" || (tag === "link" && /\bicon\b/.test(element.getAttribute("rel") ?? "")));
        if (badScheme.test(url) && !image) found.push(`<${tag} ${name}="${value.slice(0, 60)}">`);
      }
    }
  }
  return found;
}
