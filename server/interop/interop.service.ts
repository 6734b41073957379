/**
 * Interop use cases: the EAD3 finding aid of a fonds, the EAC-CPF record of a source agency, and the OAI-PMH
 * provider. All three are public documents (no login): they carry what a published finding aid may carry —
 * restricted files only as the restricted list shows them, secret files never.
 */
import type { Deps } from '../deps.js';
import { Download } from '../core/download.js';
import { ERRORS } from '../core/errors.js';
import { currentYear } from '../core/time/index.js';
import { agencyRecord, fondsFindingAid, type InteropContext } from './records/descriptions.js';
import { eacCpfXml } from './xml/eac-cpf.js';
import { ead3Xml } from './xml/ead3.js';
import { findAgencies, findFonds, fondsFiles, fondsInventories, fondsOf, predecessorsOf } from './records/interop.repository.js';
import { createOaiProvider } from './oai-pmh/provider.js';

export const XML_TYPE = 'application/xml; charset=utf-8';
/** OAI-PMH responses are text/xml by the protocol (§3.1.2.1). */
export const OAI_XML_TYPE = 'text/xml; charset=utf-8';

const safeName = (code: string) => code.replace(/[^A-Za-z0-9._-]+/g, '-');

export function createInteropService(deps: Pick<Deps, 'db' | 'clock' | 'config'>) {
  const { db, config } = deps;
  const context = (apiBase: string): InteropContext => ({ apiBase, centreName: config.CENTRE_NAME, now: deps.clock() });
  const oai = createOaiProvider({
    db, clock: deps.clock,
    settings: { centreName: config.CENTRE_NAME, repositoryId: config.OAI_REPOSITORY_ID, adminEmail: config.OAI_ADMIN_EMAIL, pageSize: config.OAI_PAGE_SIZE },
  });

  return {
    async fondsEad3(fondsId: number, apiBase: string): Promise<Download> {
      const fonds = await findFonds(db, fondsId);
      if (!fonds) throw ERRORS.notFound('phông');
      const [inventories, files] = await Promise.all([fondsInventories(db, fondsId), fondsFiles(db, fondsId, currentYear(deps.clock))]);
      const xml = ead3Xml(fondsFindingAid(fonds, inventories, files, context(apiBase)));
      return Download.attachment(`EAD3-${safeName(fonds.code)}.xml`, XML_TYPE, Buffer.from(xml, 'utf8'));
    },

    async agencyEacCpf(agencyId: number, apiBase: string): Promise<Download> {
      const [agency] = await findAgencies(db, [agencyId]);
      if (!agency) throw ERRORS.notFound('cơ quan');
      const [predecessors, fonds] = await Promise.all([predecessorsOf(db, [agencyId]), fondsOf(db, [agencyId])]);
      const xml = eacCpfXml(agencyRecord(agency, predecessors, fonds, context(apiBase)));
      return Download.attachment(`EAC-CPF-${safeName(agency.code)}.xml`, XML_TYPE, Buffer.from(xml, 'utf8'));
    },

    /** Any OAI-PMH request, answered as the protocol's XML (errors included, always HTTP 200). */
    async oaiPmh(args: Record<string, unknown>, baseUrl: string, apiBase: string): Promise<Download> {
      const xml = await oai.respond(args, baseUrl, apiBase);
      return new Download({ contentType: OAI_XML_TYPE, body: Buffer.from(xml, 'utf8') });
    },
  };
}

export type InteropService = ReturnType<typeof createInteropService>;
