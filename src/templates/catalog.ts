import builderPool from './builder-pool.wfm.json?raw';
import highlyAvailable from './highly-available.wfm.json?raw';
import managementLayer from './management-layer.wfm.json?raw';
import minimalSingleSite from './minimal-single-site.wfm.json?raw';
import multiSite from './multi-site.wfm.json?raw';
import notificationsAndReports from './notifications-and-reports.wfm.json?raw';

/** A reference deployment (domain.md section 5) that a new design can start from. */
export interface TemplateEntry {
  readonly id: string;
  /** The dialog's button says exactly this. */
  readonly title: string;
  /** When to use it, in a sentence or two. */
  readonly description: string;
  /** The file name in `src/templates/`. */
  readonly file: string;
  /** The `.wfm.json` text, parsed with `parseDocument` when the template is used. */
  readonly text: string;
}

/** The templates in the order the dialog offers them, from the smallest deployment to the largest. */
export const TEMPLATES: readonly TemplateEntry[] = [
  {
    id: 'minimal-single-site',
    title: 'Minimal single site',
    description:
      'The smallest deployment the matrix allows: one WFM Server with a Builder, a Data Aggregator, WFM Web and the Database Utility. No WFM Daemon, so no e-mail notifications or scheduled reports.',
    file: 'minimal-single-site.wfm.json',
    text: minimalSingleSite,
  },
  {
    id: 'management-layer',
    title: 'Single site with Management Layer',
    description:
      'The minimal site watched by the Genesys Management Layer: the Management Layer option is on, every WFM component logs to a Message Server, every application host runs an LCA, and the Solution Control Server named in the WFM Solution object is drawn.',
    file: 'management-layer.wfm.json',
    text: managementLayer,
  },
  {
    id: 'notifications-and-reports',
    title: 'Notifications and scheduled reports',
    description:
      'The minimal site plus the one WFM Daemon, for e-mail notifications and the Report Scheduler: scheduled reporting is on, so the Daemon connects to WFM Web as well as to the WFM Server, and it authenticates with Configuration Server and mails through the SMTP server.',
    file: 'notifications-and-reports.wfm.json',
    text: notificationsAndReports,
  },
  {
    id: 'builder-pool',
    title: 'Builder pool',
    description:
      'One WFM Server that shares schedule building across three WFM Builders, for large sites or many schedules built at the same time. Each Builder connects back to the Server.',
    file: 'builder-pool.wfm.json',
    text: builderPool,
  },
  {
    id: 'multi-site',
    title: 'Multi-site with several WFM Servers',
    description:
      'Two WFM Servers, each serving its own sites and connected to each other to create schedules across all sites. They share one WFM database; one of them is the ETL server and the Locator host for WFM Web.',
    file: 'multi-site.wfm.json',
    text: multiSite,
  },
  {
    id: 'highly-available',
    title: 'Highly available site',
    description:
      'A Builder pool with high availability: a backup WFM Server in warm standby (WFM 8.5.2 and later), a backup Data Aggregator in hot standby, and two WFM Web instances behind a load balancer, in a DMZ and a data centre zone.',
    file: 'highly-available.wfm.json',
    text: highlyAvailable,
  },
];
