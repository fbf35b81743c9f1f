/**
 * What a repository file is for, by its path: build output and tests are where a failure shows, not
 * where its fix goes, nor is prose: a code search prefers the sources when both match.
 */
/** A build folder at the top of the repository or of a monorepo package (`src/build/` is source). */
const BUILD_DIR = /^((packages|apps|services)\/[^/]+\/)?(dist|build|out|\.next|\.nuxt|\.output|coverage)\/|(^|\/)(node_modules|vendor)\//;
const BUILD_FILE = /\.(min\.[cm]?js|map|bundle\.js)$/;
/** A content-hashed bundle under an assets folder: `assets/index-BxR7kP2q.js`. */
const HASHED_ASSET = /(^|\/)(assets|static|chunks)\/[^/]*[.-](?=[A-Za-z0-9_]*\d)[A-Za-z0-9_]{8,}\.[cm]?js$/;
const TEST_DIR = /(^|\/)(tests?|__tests__|spec|e2e|fixtures?)\//;
const TEST_FILE = /[._-](test|spec)\.[a-z]+$|(^|\/)test_[^/]+\.py$/;
const DOCUMENT = /\.(md|mdx|markdown|rst|txt|adoc)$/i;

export function isBuildOutput(path: string): boolean {
  return BUILD_DIR.test(path) || BUILD_FILE.test(path) || HASHED_ASSET.test(path);
}

export function isTestFile(path: string): boolean {
  return TEST_DIR.test(path) || TEST_FILE.test(path);
}

/** 0 for a source file, 1 for a test, 2 for documentation, 3 for build output: sort by it to read the sources first. */
export function sourceRank(path: string): number {
  if (isBuildOutput(path)) return 3;
  if (DOCUMENT.test(path)) return 2;
  return isTestFile(path) ? 1 : 0;
}

/** The paths worth pointing a person at: the sources when any matched, else the tests, else whatever did. */
export function preferSources<T extends { path: string }>(items: T[]): T[] {
  const best = Math.min(...items.map((i) => sourceRank(i.path)));
  return items.filter((i) => sourceRank(i.path) === best);
}
