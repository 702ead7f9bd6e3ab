import builderPool from './builder-pool.wfm.json?raw';
import fullDeployment from './full-deployment.wfm.json?raw';
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
      'The minimal site watched by the Genesys Management Layer: the Management Layer option is on and every WFM component logs to a Message Server. SCS, LCA and the Solution object are not drawn.',
    file: 'management-layer.wfm.json',
    text: managementLayer,
  },
  {
    id: 'notifications-and-reports',
    title: 'Notifications and scheduled reports',
    description:
      'The minimal site plus the one WFM Daemon, for e-mail notifications and the Report Scheduler: scheduled reporting is on, so the Daemon connects to WFM Web as well as to the WFM Server.',
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
    id: 'full-deployment',
    title: 'Full deployment',
    description:
      'Everything the rules know: a Builder pool, the WFM Daemon with scheduled reporting, a second WFM Web as report engine, and a Message Server with the Management Layer on. The rules have no high-availability concept, so backup servers and load balancers are not modelled.',
    file: 'full-deployment.wfm.json',
    text: fullDeployment,
  },
];
