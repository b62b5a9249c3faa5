/**
 * The project's GitHub repository, from package.json's `repository` field, for the site's "suggest a correction"
 * links. Pure parsing here; the site configuration reads the file.
 */
import {readFileSync} from "node:fs";

/**
 * Returns `https://github.com/<owner>/<name>` from a package.json value, or null when it names no GitHub
 * repository. Accepts the forms npm accepts: "github:owner/name", "owner/name", a URL (git+https, ssh, .git) or
 * an object with such a `url`.
 *
 * @example repositoryUrl({repository: {type: "git", url: "git+https://github.com/acme/compute-deals.git"}}); // "https://github.com/acme/compute-deals"
 * repositoryUrl({}); // null
 */
export function repositoryUrl(pkg: unknown): string | null {
  const field = (pkg as {repository?: unknown} | null)?.repository;
  const raw = typeof field === "string" ? field : typeof (field as {url?: unknown})?.url === "string" ? (field as {url: string}).url : null;
  if (!raw) return null;
  const match =
    /^(?:github:)?([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})$/.exec(raw) ??
    /^(?:git\+)?(?:https?|ssh|git):\/\/(?:git@)?github\.com[/:]([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100}?)(?:\.git)?\/?$/.exec(
      raw
    ) ??
    /^git@github\.com:([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100}?)(?:\.git)?$/.exec(raw);
  return match ? `https://github.com/${match[1]}/${match[2].replace(/\.git$/, "")}` : null;
}

/** Returns the repository URL from `<dir>/package.json` (DEALS_REPOSITORY overrides it), or null. */
export function readRepositoryUrl(dir = "."): string | null {
  const override = process.env.DEALS_REPOSITORY;
  if (override) return repositoryUrl({repository: override});
  try {
    return repositoryUrl(JSON.parse(readFileSync(`${dir}/package.json`, "utf-8")));
  } catch {
    return null;
  }
}
