// A chart on screen as a file: its SVG as drawn, with a title and a filter line above it, every
// style it gets from the page's CSS (custom properties, Tailwind classes) written onto its
// elements, so that the file looks the same opened on its own; and that SVG drawn onto a canvas
// for a PNG. Browser-only (it reads computed styles).

const SVG_NS = "http://www.w3.org/2000/svg";

/** The properties that decide how SVG content looks; each is copied as the page computed it. */
const STYLE_PROPERTIES = [
  "fill",
  "fill-opacity",
  "fill-rule",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "stroke-linecap",
  "stroke-linejoin",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "text-anchor",
  "dominant-baseline",
  "alignment-baseline",
  "letter-spacing",
  "visibility",
  "display",
] as const;

const TITLE_SIZE = 16;
const LINE_SIZE = 12;
const PADDING = 12;

/** Splits text into lines of at most about `width` pixels at `size` (an average glyph is about 0.55em). */
function wrap(text: string, width: number, size: number): string[] {
  const perLine = Math.max(20, Math.floor(width / (size * 0.55)));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Copies each element's computed look onto its copy, and drops what only the screen needs. */
function inlineStyles(source: Element, copy: Element) {
  const computed = getComputedStyle(source);
  const declarations: string[] = [];
  for (const property of STYLE_PROPERTIES) {
    const value = computed.getPropertyValue(property);
    if (value) declarations.push(`${property}:${value}`);
  }
  copy.setAttribute("style", declarations.join(";"));
  // Presentation attributes that name a custom property resolve only inside the page.
  for (const attribute of Array.from(copy.attributes)) {
    if (attribute.value.includes("var(")) copy.removeAttribute(attribute.name);
  }
  copy.removeAttribute("class");
  const sourceChildren = Array.from(source.children);
  const copyChildren = Array.from(copy.children);
  sourceChildren.forEach((child, index) => {
    if (copyChildren[index]) inlineStyles(child, copyChildren[index]);
  });
}

/** The chart's SVG with its title and filter line, standing on its own. */
export function chartSvg(svg: SVGSVGElement, title: string, filterLine: string): { markup: string; width: number; height: number } {
  const bounds = svg.getBoundingClientRect();
  const width = Math.round(bounds.width);
  const chartHeight = Math.round(bounds.height);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  // The keyboard's links and the focus ring are the screen's, not the chart's: keep their drawing only.
  for (const link of Array.from(copy.querySelectorAll("a"))) link.replaceWith(...Array.from(link.childNodes));
  for (const ring of Array.from(copy.querySelectorAll("[data-testid='matrix-focus-ring']"))) ring.remove();
  for (const attribute of ["role", "aria-label", "tabindex"]) copy.removeAttribute(attribute);

  const fontFamily = getComputedStyle(svg).fontFamily || "sans-serif";
  const lines = wrap(`Filter: ${filterLine}`, width - 2 * PADDING, LINE_SIZE);
  const header = PADDING + TITLE_SIZE + 6 + lines.length * (LINE_SIZE + 4) + PADDING / 2;
  const height = header + chartHeight;

  const root = document.createElementNS(SVG_NS, "svg");
  root.setAttribute("xmlns", SVG_NS);
  root.setAttribute("width", String(width));
  root.setAttribute("height", String(height));
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  root.setAttribute("font-family", fontFamily);
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "#ffffff");
  root.appendChild(background);
  const titleText = document.createElementNS(SVG_NS, "text");
  titleText.setAttribute("x", String(PADDING));
  titleText.setAttribute("y", String(PADDING + TITLE_SIZE));
  titleText.setAttribute("font-size", String(TITLE_SIZE));
  titleText.setAttribute("font-weight", "600");
  titleText.setAttribute("fill", "#171a21");
  titleText.textContent = title;
  root.appendChild(titleText);
  lines.forEach((line, index) => {
    const text = document.createElementNS(SVG_NS, "text");
    text.setAttribute("x", String(PADDING));
    text.setAttribute("y", String(PADDING + TITLE_SIZE + 6 + (index + 1) * (LINE_SIZE + 4) - 4));
    text.setAttribute("font-size", String(LINE_SIZE));
    text.setAttribute("fill", "#4a5261");
    text.textContent = line;
    root.appendChild(text);
  });
  copy.setAttribute("x", "0");
  copy.setAttribute("y", String(header));
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(chartHeight));
  if (!copy.getAttribute("viewBox")) copy.setAttribute("viewBox", `0 0 ${width} ${chartHeight}`);
  root.appendChild(copy);
  return { markup: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`, width, height };
}

/** The SVG drawn on a canvas at `scale` times its size, as PNG bytes. */
export async function svgToPng(markup: string, width: number, height: number, scale = 2): Promise<Blob> {
  const image = new Image();
  image.width = width;
  image.height = height;
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error("The chart could not be drawn as an image."));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await loaded;
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot draw images.");
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("The chart could not be drawn as an image."))), "image/png"),
  );
}

/** Saves bytes as a file through the browser's download. */
export function saveFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a title: plain letters and dashes. */
export function chartFileName(title: string, extension: "png" | "svg"): string {
  const slug = title.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase().slice(0, 80) || "chart";
  return `${slug}.${extension}`;
}
