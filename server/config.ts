import path from 'node:path';
import { z } from 'zod';

// Every zod message that reaches a person (request validation details, configuration errors) in Vietnamese. Set here
// because every entry point (server, worker, scripts, tests) reads its configuration through this module first.
z.config(z.locales.vi());

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** Every environment variable the service reads, with its default. Parsed once at start-up. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'phải bắt đầu bằng postgres:// hoặc postgresql://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** strict: an answer that does not match its route's response schema is a 500 (tests); strip: drop undeclared keys, log a warning. */
  RESPONSE_VALIDATION: z.enum(['strict', 'strip']).default('strip'),
  /**
   * auto: the session cookie is Secure exactly when the request came over HTTPS (directly, or per X-Forwarded-Proto
   * from a trusted proxy), so a LAN install on plain http:// can still log in; true/false force it.
   */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false', '1', '0']).default('auto').transform((v) => (v === 'auto' ? 'auto' : v === 'true' || v === '1')),
  /**
   * Express `trust proxy`: which hops may set X-Forwarded-For/-Proto. Default loopback (a reverse proxy on the same
   * machine); a comma-separated list of addresses/subnets, a hop count, or true/false.
   */
  TRUST_PROXY: z.string().min(1).default('loopback'),
  /** Extra origins (scheme://host[:port], comma-separated) allowed to send cookie-authenticated writes besides the app's own. */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim().replace(/\/+$/, '')).filter(Boolean)),
  /**
   * IIIF manifests, image services and search-inside without login, for files every signed-in reader may see (not
   * restricted, not secret). Off by default: TT 05/2025 Art. 32 asks for an account to use the digital archive, so
   * opening scans to the world is the centre's decision. Restricted and secret pages stay behind login either way.
   */
  IIIF_PUBLIC: bool.default(false),
  /**
   * IIIF Authorization Flow 2.0: origins (scheme://host[:port], comma-separated, or `*` for any) whose viewers may ask
   * a signed-in user's consent and then get a bearer token that opens what that user may see. Empty (default): off,
   * no auth services are advertised and the token service refuses every origin.
   */
  IIIF_AUTH_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim().replace(/\/+$/, '')).filter(Boolean)),
  /** Lifetime of one bearer token; the viewer silently asks the token service again when it lapses. */
  IIIF_AUTH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(600),
  /** Lifetime of the consent (access cookie) for one origin, at most the session's own. */
  IIIF_AUTH_ACCESS_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(8),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  INITIAL_ADMIN_PASSWORD: z.string().min(10).optional(),
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  MAX_IMPORT_MB: z.coerce.number().positive().max(200).default(20),
  MAX_IMPORT_ROWS: z.coerce.number().int().positive().default(20000),
  BOX_WIDTH_CM: z.coerce.number().positive().max(100).default(10),
  FILES_PER_METRE_MIN: z.coerce.number().nonnegative().default(15),
  FILES_PER_METRE_MAX: z.coerce.number().positive().default(150),
  DEADLINE_TRANSITION_RULE: z.enum(['law2011', 'law2024', 'earlier', 'later']).default('law2011'),
  CENTRE_NAME: z.string().min(1).default('Trung tâm Lưu trữ lịch sử tỉnh Hưng Yên'),
  /** Địa danh on the documents the centre issues ("Hưng Yên, ngày …"); unset = the province or city in CENTRE_NAME. */
  CENTRE_PLACE: z.string().min(1).optional(),
  /** Reminder letters (công văn đôn đốc): the notation after the number ("15/TTLT-NV"), the signer, the reply time. */
  REMINDER_NOTATION: z.string().regex(/^[A-ZĐ0-9][A-ZĐ0-9-]{0,29}$/u, 'chữ in hoa, số và dấu gạch ngang').default('TTLT-NV'),
  REMINDER_SIGNER_TITLE: z.string().min(1).default('Giám đốc'),
  REMINDER_REPLY_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Overdue files listed in the letter itself; more go to the attached list. */
  REMINDER_LETTER_ROWS: z.coerce.number().int().min(1).max(200).default(20),
  MINIO_ENDPOINT: z.string().min(1).optional(),
  MINIO_PORT: z.coerce.number().int().min(1).max(65535).default(9000),
  MINIO_USE_SSL: bool.default(false),
  MINIO_ACCESS_KEY: z.string().min(1).optional(),
  MINIO_SECRET_KEY: z.string().min(1).optional(),
  MINIO_BUCKET: z.string().min(3).default('kho-luu-tru'),
  // Digitisation: upload limits, decode guards, OCR workers.
  MAX_SCAN_MB: z.coerce.number().positive().max(4096).default(500),
  MAX_SCAN_FILES: z.coerce.number().int().positive().max(1000).default(200),
  MAX_SCAN_PIXELS: z.coerce.number().int().positive().default(300_000_000),
  MAX_TIFF_PAGES: z.coerce.number().int().positive().default(1000),
  /** 0 = one per core. */
  OCR_WORKERS: z.coerce.number().int().min(0).max(64).default(0),
  /** false: this server enqueues OCR but leaves it to `npm run worker` processes (PostgreSQL only). */
  OCR_IN_SERVER: bool.default(true),
  /** OCR engine: tesseract.js (embedded, default) or the Debian tesseract binary (/usr/bin/tesseract, tesseract-ocr-vie) on the same cleaned-up image. */
  OCR_ENGINE: z.enum(['tesseract.js', 'native']).default('tesseract.js'),
  /** Hours between fixity sweeps over masters; 0 = never scheduled (on demand only). */
  FIXITY_INTERVAL_HOURS: z.coerce.number().nonnegative().default(24),
  /** Where backup sets go (server/backup); unset = DATA_DIR/backups. Point it at another disk in production. */
  BACKUP_DIR: z.string().min(1).optional(),
  /** Hours between scheduled backups (measured from the newest set on disk); 0 = never scheduled (on demand only). */
  BACKUP_INTERVAL_HOURS: z.coerce.number().nonnegative().default(24),
  /** Complete sets kept in BACKUP_DIR; older ones are deleted after each new backup. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  /**
   * Overrides every job's time limit (catalogue expireInSeconds): an active job older than this is taken as crashed
   * and retried. On PostgreSQL this is how a killed worker's job comes back (PGlite resets at start). Unset = catalogue.
   */
  JOB_EXPIRE_SECONDS: z.coerce.number().int().min(10).max(24 * 3600).optional(),
  // Digital archive (server/archive): PDF/A-2b and AIP packages.
  /** sRGB ICC profile embedded as the PDF/A OutputIntent (default: Debian libgs-common's srgb.icc, installed with gs). */
  ARCHIVE_ICC_PROFILE: z.string().min(1).default('/usr/share/color/icc/ghostscript/srgb.icc'),
  /** Write-once folder for AIPs on the filesystem store; unset = DATA_DIR/aip. */
  ARCHIVE_AIP_DIR: z.string().min(1).optional(),
  /** S3 bucket for AIPs (created with Object Lock if absent); unset = MINIO_BUCKET, prefix aip/. */
  ARCHIVE_AIP_BUCKET: z.string().min(3).optional(),
  /** S3 Object Lock retention of each AIP, in days, and its mode. */
  ARCHIVE_AIP_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).default(3650),
  ARCHIVE_AIP_LOCK_MODE: z.enum(['GOVERNANCE', 'COMPLIANCE']).default('COMPLIANCE'),
  /** Folder with the official XSDs (mets.xsd, premis.xsd, ead3.xsd, …) copied into each AIP's schemas/; unset = none. */
  ARCHIVE_SCHEMAS_DIR: z.string().min(1).optional(),
  // Digital deposit (server/deposit): limits of one SIP, every one refused clearly before anything is stored.
  /** Largest ZIP accepted, in MB. */
  DEPOSIT_MAX_MB: z.coerce.number().positive().max(4096).default(200),
  /** Most entries (files and folders) in one package. */
  DEPOSIT_MAX_ENTRIES: z.coerce.number().int().positive().max(100_000).default(2000),
  /** Most bytes all entries may unpack to, in MB. */
  DEPOSIT_MAX_UNCOMPRESSED_MB: z.coerce.number().positive().max(16_384).default(1024),
  /** Highest uncompressed:compressed ratio of one entry (a zip bomb's is in the thousands). */
  DEPOSIT_MAX_RATIO: z.coerce.number().positive().max(10_000).default(100),
  /** Most pages in one deposited PDF. */
  DEPOSIT_MAX_PDF_PAGES: z.coerce.number().int().positive().max(100_000).default(2000),
  /** OAI-PMH: records per page before a resumption token; repository identifier (a domain name) and contact. */
  OAI_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  OAI_REPOSITORY_ID: z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/, 'tên miền, ví dụ luutru.hungyen.gov.vn').default('kho-luu-tru.local'),
  OAI_ADMIN_EMAIL: z.string().email().default('luutru@kho-luu-tru.local'),
  // Reading room (server/reading-room). Legal points not verified are settings, defaults from 1.013932.H38 / TT 10/2014.
  /** Working days to serve a read request (1.013932.H38: 1). */
  READING_SLA_READ_DAYS: z.coerce.number().int().min(1).max(60).default(1),
  /** Working days to serve a copy or certified-copy request (1.013932.H38: 2). */
  READING_SLA_COPY_DAYS: z.coerce.number().int().min(1).max(60).default(2),
  /** Working days for conditional-access (restricted) material, whatever the kind (1.013932.H38: 7). */
  READING_SLA_RESTRICTED_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  /** Files per request slip / issue (TT 10/2014 Điều 9: 10 units per issue). */
  READING_MAX_FILES: z.coerce.number().int().min(1).max(200).default(10),
  /** Restricted files need the director's approval after the head of the reading room (one more level). */
  READING_DIRECTOR_FOR_RESTRICTED: bool.default(true),
  /** Days a reader card is valid from issue (not fixed by law; the centre decides). */
  READING_CARD_VALID_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** Largest letter of introduction accepted (MB). */
  READING_LETTER_MAX_MB: z.coerce.number().int().min(1).max(50).default(10),
  /** Letter of introduction required for readers who name an organisation (individuals may use CCCD/passport only). */
  READING_LETTER_REQUIRED_FOR_ORG: bool.default(false),
  /**
   * Reading-room copy fees (server/reading-room/copy-*): per page and per certification, in COPY_CURRENCY. The legal
   * schedule (TT 275/2016/TT-BTC or a provincial resolution) is NOT verified: these defaults are placeholders the
   * centre must set. A quote copies them, so changing them never rewrites an issued quote or receipt.
   */
  COPY_FEE_PER_PAGE: z.coerce.number().int().min(0).max(100_000_000).default(2000),
  COPY_FEE_PER_CERTIFICATION: z.coerce.number().int().min(0).max(100_000_000).default(20000),
  COPY_CURRENCY: z.string().regex(/^[A-Z]{3}$/, 'mã tiền tệ ISO 4217, ví dụ VND').default('VND'),
  /** TT 10/2014/TT-BNV Điều 9: at most 2 weeks per issue of originals to the reading room. */
  LOAN_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** Days an approved request keeps a digitised file open in the viewer (an access grant with this expiry). */
  READING_VIEW_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(14),
});

export type Config = z.infer<typeof ConfigSchema> & { dbDir: string; objectsDir: string };

export class ConfigError extends Error {}

/** Parses env into a Config or throws naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(ConfigSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = ConfigSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ (invalid configuration):\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.MINIO_ENDPOINT && (!c.MINIO_ACCESS_KEY || !c.MINIO_SECRET_KEY)) {
    throw new ConfigError(
      'Cấu hình không hợp lệ (invalid configuration):\n  MINIO_ACCESS_KEY, MINIO_SECRET_KEY: bắt buộc khi đặt MINIO_ENDPOINT',
    );
  }
  const dataDir = path.resolve(c.DATA_DIR);
  return { ...c, DATA_DIR: dataDir, dbDir: path.join(dataDir, 'db'), objectsDir: path.join(dataDir, 'objects') };
}

/** For entry points (server, worker): a bad environment prints the named variables and exits 1, without a stack. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
