import { PageQuery } from '../../../common/http/page.query.js';

/** The audit log pages like every list: `limit` and the `cursor` of the previous page. */
export class ListAuditLogQuery extends PageQuery {}
