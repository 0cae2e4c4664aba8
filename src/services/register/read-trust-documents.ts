import { readTrustDocument, type TrustDocument } from '../../model/register/trust-copies.js';
import { databaseAddress, requestJson, type PublishedRequestOptions } from './published-requests.js';

// Reading a trust's register (`…/proforma-<trust>-trust`) for the assessments a teacher may start
// from: the same documents `readPublishedRegister` reads, each taken for the few fields the offer
// needs (see trust-copies.ts), so that the form's page loads none of the register's schema.

/**
 * The trust's published tools that carry an assessment to copy, in the database's order. Fails
 * with a `PublishedRegisterError` (sign-in needed, not allowed, unreachable, not found).
 */
export async function readTrustDocuments(
  trustDbUrl: string,
  options: PublishedRequestOptions = {},
): Promise<TrustDocument[]> {
  const database = databaseAddress(trustDbUrl);
  const { rows } = await requestJson<{ rows: Array<{ id: string; doc?: unknown }> }>(
    database,
    `${database}/_all_docs?include_docs=true`,
    options,
  );
  return rows.flatMap(({ doc }) => {
    const document = readTrustDocument(doc);
    return document ? [document] : [];
  });
}
