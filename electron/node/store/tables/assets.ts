/**
 * Images stored once, by content (table `assets`: sha256 → bytes, MIME type, size).
 *
 * Figures reach the store as data URLs inside part documents. Kept there, every autosave
 * and every snapshot would write the image again; instead the store writes a reference
 * (`asset:sha256-<hex>`) in the document's `src` and the bytes once in `assets`, and puts
 * the data URL back when the document is read. The renderer, the exporters and the
 * contract only ever see data URLs.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

const REF_PREFIX = 'asset:sha256-';
/** Only data URLs that come back byte for byte from (MIME type, bytes) are moved out. */
const DATA_URL = /^data:([a-z]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/]*={0,2})$/;
const REF = /^asset:sha256-([0-9a-f]{64})$/;
/** Every reference in a stored document or snapshot, to find the assets nothing uses. */
const REFS_IN_TEXT = /asset:sha256-([0-9a-f]{64})/g;

export interface Asset {
  hash: string;
  mime: string;
  size: number;
  bytes: Buffer;
}
interface AssetRow {
  hash: string;
  mime: string;
  size: number;
  bytes: Buffer;
}

const toAsset = (r: AssetRow): Asset => ({ hash: r.hash, mime: r.mime, size: r.size, bytes: r.bytes });

export const assetRef = (hash: string): string => `${REF_PREFIX}${hash}`;

/**
 * Data URLs read back, per connection, so an image read at every autosave is not encoded
 * each time (assets never change: a hash always names the same bytes).
 */
const CACHE_LIMIT = 64 * 1024 * 1024;
/** hash → data URL (reads), data URL → hash (writes: an autosave sends the same images again). */
interface Cache {
  urls: Map<string, string>;
  hashes: Map<string, string>;
  size: number;
}
const caches = new WeakMap<Database.Database, Cache>();

function cacheOf(db: Database.Database): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { urls: new Map(), hashes: new Map(), size: 0 };
    caches.set(db, cache);
  }
  return cache;
}

function remember(cache: Cache, hash: string, url: string): void {
  if (cache.size + url.length > CACHE_LIMIT) {
    cache.urls.clear();
    cache.hashes.clear();
    cache.size = 0;
  }
  cache.urls.set(hash, url);
  cache.hashes.set(url, hash);
  cache.size += url.length;
}

export function getAsset(db: Database.Database, hash: string): Asset | null {
  const row = db.prepare('SELECT hash, mime, size, bytes FROM assets WHERE hash = ?').get(hash) as AssetRow | undefined;
  return row ? toAsset(row) : null;
}

/** Stores the bytes unless they are already there; returns their hash. */
export function putAsset(db: Database.Database, mime: string, bytes: Buffer): string {
  const hash = createHash('sha256').update(bytes).digest('hex');
  db.prepare('INSERT OR IGNORE INTO assets (hash, mime, size, bytes) VALUES (?, ?, ?, ?)').run(
    hash,
    mime,
    bytes.length,
    bytes,
  );
  return hash;
}

/** The reference for a data URL (its bytes stored), or null for a string left as it is. */
function storeDataUrl(db: Database.Database, src: string): string | null {
  // Known bytes still stored (thinning may have removed them since): no decoding, no hashing.
  const known = cacheOf(db).hashes.get(src);
  if (known !== undefined && db.prepare('SELECT 1 FROM assets WHERE hash = ?').get(known)) return assetRef(known);
  const m = DATA_URL.exec(src);
  if (!m) return null;
  const bytes = Buffer.from(m[2]!, 'base64');
  // Non-canonical base64 (padding bits set, say) would not come back as written: left inline.
  if (bytes.toString('base64') !== m[2]) return null;
  const hash = putAsset(db, m[1]!, bytes);
  // Bytes already stored under another MIME type: the URL stays inline, so it reads back as written.
  if (getMime(db, hash) !== m[1]) return null;
  remember(cacheOf(db), hash, src);
  return assetRef(hash);
}

const getMime = (db: Database.Database, hash: string): string | undefined =>
  (db.prepare('SELECT mime FROM assets WHERE hash = ?').get(hash) as { mime: string } | undefined)?.mime;

/** The data URL of a reference, or null when it names no stored asset (the string is left as it is). */
function resolveRef(db: Database.Database, src: string): string | null {
  const m = REF.exec(src);
  if (!m) return null;
  const cache = cacheOf(db);
  const cached = cache.urls.get(m[1]!);
  if (cached !== undefined) return cached;
  const asset = getAsset(db, m[1]!);
  if (!asset) return null;
  const url = `data:${asset.mime};base64,${asset.bytes.toString('base64')}`;
  remember(cache, asset.hash, url);
  return url;
}

/**
 * A copy of `value` with every `src` string rewritten by `rewrite` (null: kept); objects
 * and arrays without such a string are shared, not copied.
 */
function mapSources<T>(value: T, rewrite: (src: string) => string | null): T {
  const visit = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      let out: unknown[] | null = null;
      v.forEach((item, i) => {
        const next = visit(item);
        if (next !== item) {
          out ??= [...v];
          out[i] = next;
        }
      });
      return out ?? v;
    }
    if (v === null || typeof v !== 'object') return v;
    let out: Record<string, unknown> | null = null;
    for (const [key, item] of Object.entries(v)) {
      const next = key === 'src' && typeof item === 'string' ? (rewrite(item) ?? item) : visit(item);
      if (next !== item) {
        out ??= { ...(v as Record<string, unknown>) };
        out[key] = next;
      }
    }
    return out ?? v;
  };
  return visit(value) as T;
}

/** `value` as it is written to the file: its images moved to `assets`, referenced by hash. */
export const storeImages = <T>(db: Database.Database, value: T): T => mapSources(value, (src) => storeDataUrl(db, src));

/** `value` as it was given to the store: its references replaced by the images' data URLs. */
export const resolveImages = <T>(db: Database.Database, value: T): T => mapSources(value, (src) => resolveRef(db, src));

/** The hashes referenced by a stored document or snapshot (its JSON text). */
export function refsIn(json: string): Set<string> {
  return new Set([...json.matchAll(REFS_IN_TEXT)].map((m) => m[1]!));
}

/**
 * Deletes the assets no part and no snapshot refers to any more (after snapshots are
 * pruned, or parts replaced). Runs inside the caller's transaction. Returns how many went.
 */
export function removeUnreferencedAssets(db: Database.Database): number {
  const used = new Set<string>();
  for (const sql of ['SELECT doc AS json FROM parts', 'SELECT data AS json FROM snapshots']) {
    for (const row of db.prepare(sql).iterate() as IterableIterator<{ json: string }>) {
      for (const hash of refsIn(row.json)) used.add(hash);
    }
  }
  const all = (db.prepare('SELECT hash FROM assets').all() as { hash: string }[]).map((r) => r.hash);
  const del = db.prepare('DELETE FROM assets WHERE hash = ?');
  let removed = 0;
  for (const hash of all) {
    if (!used.has(hash)) {
      del.run(hash);
      removed++;
    }
  }
  return removed;
}

/** How many images the file holds and their bytes, for tests and benchmarks. */
export function assetTotals(db: Database.Database): { count: number; bytes: number } {
  return db.prepare('SELECT COUNT(*) AS count, COALESCE(SUM(size), 0) AS bytes FROM assets').get() as {
    count: number;
    bytes: number;
  };
}
