/**
 * The one place sharp is configured. Import `sharp` from here, and only from files inside ocr/image/:
 * services call the verbs of this module (probe, derivatives, iiif, ocr-prep, grey-page for the layout readers),
 * never the native library.
 */
import os from 'node:os';
import sharp from 'sharp';

// sharp picks one libvips thread here by default (docs/design.md). Two threads per operation use both cores for
// one big decode; the libuv pool (UV_THREADPOOL_SIZE, default 4) bounds how many operations run at once.
const threads = Math.max(1, Math.min(4, os.availableParallelism()));
sharp.concurrency(threads);

// libvips' operation cache holds decoded regions and open files across calls. Every call here works on a
// different page or tile, so a cache would only pin memory and file handles (a deleted temp file stays open).
sharp.cache(false);

export { sharp };
export default sharp;
