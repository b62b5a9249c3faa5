/**
 * Hostile text for the hardening tests: the XSS payloads of ../shared/reference/reliability.md §1.6 (DOMPurify
 * README samples, markdown XSS lists, marked's and DOMPurify's past bypasses) and more of our own.
 */

/** reliability.md §1.6, verbatim. */
export const REFERENCE_PAYLOADS: readonly string[] = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)//>",
  "<svg><g/onload=alert(2)//<p>",
  "<p>abc<iframe//src=jAva&Tab;script:alert(3)>def</p>",
  '<math><mi//xlink:href="data:x,<script>alert(4)</script>">',
  '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=alert(1) src>">',
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](javascript://%0d%0aalert(1))",
  "[x](&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x31&#x29)",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pgo=)",
  "[x](vbscript:alert(1))",
  "<javascript:alert(1)>",
  '<bar"onclick="alert(1)"@foo>',
  '![x](https://example.com/a.png"onerror="alert(1))',
  "![x'\"`onerror=alert(1)](x)",
  '<a href="java&#x73;cript:alert(1)">x</a>',
  '<img src="x" title="x\' onerror=\'alert(1)\'">',
  '<iframe src="file:///etc/passwd"></iframe>',
  '<meta http-equiv="refresh" content="0;url=file:///etc/passwd">',
  '<img src="http://169.254.169.254/latest/meta-data/">',
  '<link rel="stylesheet" href="http://attacker.example/x.css">',
  "<style>@import url(http://attacker.example/x.css)</style>",
  '<base href="http://attacker.example/">',
  "</noscript><img src=x onerror=alert(1)>",
  "<! <img src=x onerror=alert(1)> >"
];

/** Our own: attribute and context breakouts, other tags and schemes, Markdown-specific tricks, template syntax. */
export const EXTRA_PAYLOADS: readonly string[] = [
  '" onmouseover="alert(1)',
  "' onfocus='alert(1)' autofocus='",
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '" style="background:url(javascript:alert(1))',
  "</script><script>alert(1)</script>",
  "</style><script>alert(1)</script>",
  "</title><script>alert(1)</script>",
  "</textarea><script>alert(1)</script>",
  "<!--<script>alert(1)//-->",
  "]]><script>alert(1)</script>",
  "<details open ontoggle=alert(1)>",
  "<input autofocus onfocus=alert(1)>",
  "<body onload=alert(1)>",
  "<video><source onerror=alert(1)></video>",
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
  "<marquee onstart=alert(1)>x</marquee>",
  '<form action="javascript:alert(1)"><button>x</button></form>',
  "<button formaction=javascript:alert(1)>x</button>",
  '<div style="background-image:url(http://attacker.example/x.png)">x</div>',
  "<template><script>alert(1)</script></template>",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '[x](https://ok.example "t\\" onmouseover=alert(1) x=\\"")',
  '<https://x.example/"onmouseover="alert(1)>',
  "[x](<javascript:alert(1)>)",
  "[a]: javascript:alert(1)\n\n[x][a]",
  "[x](file:///etc/passwd)",
  "[x](//attacker.example/a)",
  "`<script>alert(1)</script>`",
  "```\n<script>alert(1)</script>\n```",
  "| a |\n|---|\n| <script>alert(1)</script> |",
  "%3Cscript%3Ealert(1)%3C/script%3E",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Observable Markdown's inline-expression syntax, on purpose
  "${alert(1)}",
  "{{amazon-anthropic.commitment.total}} \\{{ {{",
  "javascript:alert(1)",
  "line one\n\n- injected item\n# injected heading\n> quoted &lt;b&gt;",
  "\u202Eevil\u202C \uFEFFBOM \u200Bzero-width"
];

/** Every payload. */
export const PAYLOADS: readonly string[] = [...REFERENCE_PAYLOADS, ...EXTRA_PAYLOADS];

/** A payload that is plain text in any context, used to check that injected text reads back literally. */
export const LITERAL = "<script>alert(1)</script>";
