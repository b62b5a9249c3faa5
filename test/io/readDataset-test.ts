import {rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, assert, it} from "vitest";
import {readDataset, readValidDataset} from "../../src/io/readDataset.js";
import {editValid, validFiles, writeFixture} from "./fixtures.js";

const folders: string[] = [];
const fixture = (files = validFiles()) => {
  const dir = writeFixture(files);
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of folders) rmSync(dir, {recursive: true, force: true});
});

it("readDataset(dir) reads a valid folder, skipping dotfiles and README.md", async () => {
  const dir = fixture({...validFiles(), "README.md": "# Data\n", ".DS_Store": "\u0000"});
  const {dataset, problems, files} = await readDataset(dir);
  assert.deepStrictEqual(problems, []);
  assert.strictEqual(files.length, 6);
  assert.strictEqual(files[0], `${dir}/assumptions.yaml`);
  assert.strictEqual(dataset!.deals[0].id, "amazon-anthropic");
});

it("readDataset(dir) refuses a file over 1 MB without reading it", async () => {
  const dir = fixture();
  writeFileSync(join(dir, "chips.yaml"), Buffer.alloc(2_000_000, "["));
  const {dataset, problems} = await readDataset(`${dir}/`);
  assert.isUndefined(dataset);
  assert.deepStrictEqual(problems, [
    {file: `${dir}/chips.yaml`, line: 0, col: 0, field: "", message: "file is 2000000 bytes; the limit is 1000000"}
  ]);
});

it("readDataset(missing folder) returns a problem instead of throwing", async () => {
  const {dataset, problems, files} = await readDataset("no/such/folder");
  assert.isUndefined(dataset);
  assert.deepStrictEqual(files, []);
  assert.deepStrictEqual(problems, [
    {file: "no/such/folder", line: 0, col: 0, field: "", message: "cannot read the data folder: no such file or folder"}
  ]);
});

it("readValidDataset(dir) throws every problem, one per line", async () => {
  const dir = fixture(editValid("deals/amazon-anthropic.yaml", "lab: anthropic", "lab: openai"));
  const error = await readValidDataset(dir).then(
    () => null,
    (e: Error) => e
  );
  assert.strictEqual(
    error?.message,
    `invalid data:\n${dir}/deals/amazon-anthropic.yaml:4:6: lab: unknown company "openai" (add it to companies.yaml)`
  );
});

it("readDataset() passes the repository's own data (deals check)", async () => {
  const {problems} = await readDataset("data");
  assert.deepStrictEqual(problems, []);
});
