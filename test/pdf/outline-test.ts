import {PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString} from "pdf-lib";
import {assert, it} from "vitest";
import {pruneOutline, readOutline, repairOutlineTitles} from "../../src/cli/pdf/outline.js";
import {normalizeStructureIds} from "../../src/cli/pdf/structureIds.js";

/** Returns a 3-page PDF whose outline is: Cover (p1) › [Contents (p2, explicit dest), AssumptionsAssumptions (p3, GoTo), Go Go (p3)]. */
async function outlined(): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const pages = [doc.addPage(), doc.addPage(), doc.addPage()];
  const {context} = doc;
  const root = context.obj({Type: "Outlines"});
  const rootRef = context.register(root);
  const item = (title: string, page: number, goTo = false) => {
    const dest = context.obj([pages[page - 1].ref, PDFName.of("XYZ"), 0, 800, 0]);
    return context.obj(
      goTo ? {Title: PDFHexString.fromText(title), A: {S: "GoTo", D: dest}} : {Title: PDFHexString.fromText(title), Dest: dest}
    );
  };
  const cover = item("Cover", 1);
  const children = [item("Contents", 2), item("AssumptionsAssumptions", 3, true), item("Go Go", 3)];
  const coverRef = context.register(cover);
  const refs = children.map((c) => context.register(c));
  root.set(PDFName.of("First"), coverRef);
  root.set(PDFName.of("Last"), coverRef);
  cover.set(PDFName.of("Parent"), rootRef);
  cover.set(PDFName.of("First"), refs[0]);
  cover.set(PDFName.of("Last"), refs[2]);
  children.forEach((c, i) => {
    c.set(PDFName.of("Parent"), coverRef);
    if (i < 2) c.set(PDFName.of("Next"), refs[i + 1]);
  });
  doc.catalog.set(PDFName.of("Outlines"), rootRef);
  return doc;
}

it("readOutline(doc) lists the bookmarks in order with their page and depth", async () => {
  assert.deepStrictEqual(readOutline(await outlined()), [
    {title: "Cover", page: 1, depth: 0},
    {title: "Contents", page: 2, depth: 1},
    {title: "AssumptionsAssumptions", page: 3, depth: 1},
    {title: "Go Go", page: 3, depth: 1}
  ]);
});

it("readOutline(doc) is empty for a PDF without bookmarks", async () => {
  const doc = await PDFDocument.create();
  doc.addPage();
  assert.deepStrictEqual(readOutline(doc), []);
});

it("repairOutlineTitles(doc) halves titles written twice, and only those", async () => {
  const doc = await outlined();
  assert.strictEqual(repairOutlineTitles(doc), 1);
  assert.deepStrictEqual(
    readOutline(doc).map((b) => b.title),
    ["Cover", "Contents", "Assumptions", "Go Go"]
  );
  assert.strictEqual(repairOutlineTitles(doc), 0);
});

it("pruneOutline(doc, depth) drops the bookmarks below a depth and recounts the ones above", async () => {
  const doc = await outlined();
  assert.strictEqual(pruneOutline(doc, 0), 3);
  assert.deepStrictEqual(readOutline(doc), [{title: "Cover", page: 1, depth: 0}]);
  const root = doc.catalog.lookup(PDFName.of("Outlines"), PDFDict);
  assert.strictEqual(root.get(PDFName.of("Count"))?.toString(), "1");
  assert.strictEqual(pruneOutline(doc, 0), 0);
});

it("pruneOutline(doc) keeps the title and its parts, which are all an outline of depth 1 holds", async () => {
  const doc = await outlined();
  assert.strictEqual(pruneOutline(doc), 0);
  assert.strictEqual(readOutline(doc).length, 4);
});

it("normalizeStructureIds(doc) renumbers node ids by rank, the same everywhere they occur", async () => {
  const doc = await PDFDocument.create();
  const {context} = doc;
  const header = context.obj({S: "TH", ID: PDFString.of("node00000389")});
  const other = context.obj({S: "TH", ID: PDFString.of("node00000412")});
  const cell = context.obj({S: "TD", A: [{O: "Table", Headers: [PDFString.of("node00000412"), PDFString.of("node00000389")]}]});
  const tree = context.obj({
    Names: [PDFString.of("node00000389"), context.register(header), PDFString.of("node00000412"), context.register(other)]
  });
  context.register(cell);
  context.register(tree);
  assert.strictEqual(normalizeStructureIds(doc), 2);
  assert.strictEqual(header.lookup(PDFName.of("ID"), PDFString).asString(), "node00000001");
  assert.strictEqual(other.lookup(PDFName.of("ID"), PDFString).asString(), "node00000002");
  const headers = cell.lookup(PDFName.of("A"), PDFArray).lookup(0, PDFDict).lookup(PDFName.of("Headers"), PDFArray).asArray();
  assert.deepStrictEqual(
    headers.map((h) => (h as PDFString).asString()),
    ["node00000002", "node00000001"]
  );
  assert.strictEqual((tree.lookup(PDFName.of("Names"), PDFArray).get(0) as PDFString).asString(), "node00000001");
});
