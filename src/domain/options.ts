/** The deployment options of rules.md section 3. */
export interface DeploymentOptions {
  /** WFM runs under the Genesys Management Layer: every connection to Message Server becomes required. */
  readonly managementLayer: boolean;
  /** WFM's scheduled reporting is used: a WFM Daemon and its connection to WFM Web become required. */
  readonly scheduledReporting: boolean;
}

export const DEFAULT_OPTIONS: DeploymentOptions = { managementLayer: false, scheduledReporting: false };

export interface OptionInfo {
  readonly key: keyof DeploymentOptions;
  readonly label: string;
  readonly description: string;
}

/** The options as the UI lists them. */
export const OPTION_CATALOG: readonly OptionInfo[] = [
  {
    key: 'managementLayer',
    label: 'Management Layer',
    description:
      'WFM is run by the Genesys Management Layer: every WFM application must connect to Message Server.',
  },
  {
    key: 'scheduledReporting',
    label: 'Scheduled reporting',
    description: 'WFM’s scheduled reports are used: a WFM Daemon that connects to WFM Web is required.',
  },
];

/** Fills absent flags with their defaults: `resolveOptions({ managementLayer: true }).scheduledReporting === false`. */
export function resolveOptions(options: Partial<DeploymentOptions> | undefined): DeploymentOptions {
  return {
    managementLayer: options?.managementLayer ?? false,
    scheduledReporting: options?.scheduledReporting ?? false,
  };
}
