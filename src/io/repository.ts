/**
 * The project's repository, for the site's "suggest a correction" links: taken at build time from where it is
 * actually known, never guessed. Pure parsing and choosing here; `readRepository` does the reading.
 */
import {execFileSync} from "node:child_process";
import {readFileSync} from "node:fs";

const OWNER = "[A-Za-z0-9][A-Za-z0-9-]{0,38}";
const NAME = "[A-Za-z0-9._-]{1,100}?";

/**
 * Returns `https://github.com/<owner>/<name>` from a repository address in any form npm or git accepts:
 * "github:owner/name", "owner/name", a URL (git+https, ssh, .git), "git@github.com:owner/name.git"; null for anything
 * else (another host, a local path, a script URL).
 *
 * @example githubRepository("git@github.com:acme/compute-deals.git") // "https://github.com/acme/compute-deals"
 * githubRepository("/srv/git/compute-deals") // null
 */
export function githubRepository(raw: string): string | null {
  const match =
    new RegExp(`^(?:github:)?(${OWNER})/(${NAME})$`).exec(raw) ??
    new RegExp(`^(?:git\\+)?(?:https?|ssh|git)://(?:git@)?github\\.com[/:](${OWNER})/(${NAME})(?:\\.git)?/?$`).exec(raw) ??
    new RegExp(`^git@github\\.com:(${OWNER})/(${NAME})(?:\\.git)?$`).exec(raw);
  return match ? `https://github.com/${match[1]}/${match[2].replace(/\.git$/, "")}` : null;
}

/**
 * Returns `https://github.com/<owner>/<name>` from a package.json value, or null when it names no GitHub
 * repository (see githubRepository; an object's `url` is read too).
 *
 * @example repositoryUrl({repository: {type: "git", url: "git+https://github.com/acme/compute-deals.git"}}); // "https://github.com/acme/compute-deals"
 * repositoryUrl({}); // null
 */
export function repositoryUrl(pkg: unknown): string | null {
  const field = (pkg as {repository?: unknown} | null)?.repository;
  const raw = typeof field === "string" ? field : typeof (field as {url?: unknown})?.url === "string" ? (field as {url: string}).url : null;
  return raw ? githubRepository(raw) : null;
}

/** Where the repository address came from, for the build log. */
export type RepositoryOrigin = "DEALS_REPOSITORY" | "GitHub Actions" | "git remote origin" | "package.json";

/** What the build knows about its repository: environment variables, the `origin` remote's URL, package.json. */
export interface RepositoryClues {
  env: Record<string, string | undefined>;
  /** `git remote get-url origin`, or null without git or without an origin. */
  origin: string | null;
  /** The parsed package.json, or null. */
  pkg: unknown;
}

/**
 * Returns the repository's web address and where it came from, or null when none is known. In order:
 * DEALS_REPOSITORY (an explicit choice overrides what is inferred), GitHub Actions' GITHUB_SERVER_URL +
 * GITHUB_REPOSITORY (the server may be a GitHub Enterprise host, given over https), the `origin` remote when it is on
 * github.com, then package.json's `repository`. A local path or another host gives null: without an address the site
 * offers a "copy correction details" control instead of a link.
 *
 * @example resolveRepository({env: {GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "acme/deals"}, origin: null, pkg: null})
 * // {url: "https://github.com/acme/deals", from: "GitHub Actions"}
 */
export function resolveRepository({env, origin, pkg}: RepositoryClues): {url: string; from: RepositoryOrigin} | null {
  const explicit = env.DEALS_REPOSITORY ? githubRepository(env.DEALS_REPOSITORY.trim()) : null;
  if (explicit) return {url: explicit, from: "DEALS_REPOSITORY"};
  const server = /^https:\/\/[A-Za-z0-9.-]+(?::\d+)?$/.exec((env.GITHUB_SERVER_URL ?? "").replace(/\/+$/, ""))?.[0];
  const slug = new RegExp(`^${OWNER}/${NAME}$`).exec(env.GITHUB_REPOSITORY ?? "")?.[0];
  if (server && slug) return {url: `${server}/${slug.replace(/\.git$/, "")}`, from: "GitHub Actions"};
  const remote = origin ? githubRepository(origin.trim()) : null;
  if (remote) return {url: remote, from: "git remote origin"};
  const declared = repositoryUrl(pkg);
  return declared ? {url: declared, from: "package.json"} : null;
}

/** Returns `git remote get-url origin` in `dir`, or null (no git, not a repository, no origin). */
export function originUrl(dir = "."): string | null {
  try {
    return (
      execFileSync("git", ["remote", "get-url", "origin"], {
        cwd: dir,
        encoding: "utf-8",
        stdio: ["ignore", "pipe", "ignore"],
        timeout: 5000
      }).trim() || null
    );
  } catch {
    return null;
  }
}

/** Returns the repository resolved from this process's environment, `dir`'s origin remote and `dir`/package.json. */
export function readRepository(dir = "."): {url: string; from: RepositoryOrigin} | null {
  let pkg: unknown = null;
  try {
    pkg = JSON.parse(readFileSync(`${dir}/package.json`, "utf-8"));
  } catch {}
  return resolveRepository({env: process.env, origin: originUrl(dir), pkg});
}

/** Returns the repository's web address (see readRepository), or null. */
export function readRepositoryUrl(dir = "."): string | null {
  return readRepository(dir)?.url ?? null;
}
