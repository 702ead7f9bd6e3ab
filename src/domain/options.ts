import type { ComponentKind } from './kinds';

/** The deployment options of rules.md section 3. */
export interface DeploymentOptions {
  /** WFM runs under the Genesys Management Layer: every connection to Message Server becomes required. */
  readonly managementLayer: boolean;
  /** WFM's scheduled reporting is used: a WFM Daemon and its connection to WFM Web become required. */
  readonly scheduledReporting: boolean;
}

export type OptionKey = keyof DeploymentOptions;

export const DEFAULT_OPTIONS: DeploymentOptions = { managementLayer: false, scheduledReporting: false };

/** Why a cell an option makes required is required, as `cellRequirement` reports it. */
export type OptionRequirement = 'management-layer' | 'scheduled-reporting';

/**
 * An option and what it does to the rules (rules.md section 3). Which cells it makes required is
 * the cells' own data (`requiredWhen` in the matrix); the rest is here, read by validation, the
 * rule card and the matrix explorer alike.
 */
export interface OptionInfo {
  readonly key: OptionKey;
  readonly label: string;
  readonly description: string;
  /** How a sentence names it: "Required: **the Management Layer** is on." */
  readonly inSentence: string;
  /** The `requiredBy` of a cell it makes required. */
  readonly requiredBy: OptionRequirement;
  /** How `missing-connection` says why such a cell must be met, after the target's name. */
  readonly missingConnectionWords: string;
  /** While it is on, the deployment needs a component of `kind` to `toDo`: `missing-component`. */
  readonly requiresKind?: { readonly kind: ComponentKind; readonly toDo: string };
  /** While it is off, a connection of a cell it would make required gets this warning. */
  readonly offWarning?: 'management-layer-off';
}

/** Every option by key: `satisfies` makes the compiler prove each one is described. */
const OPTIONS = {
  managementLayer: {
    key: 'managementLayer',
    label: 'Management Layer',
    description:
      'WFM is run by the Genesys Management Layer: every WFM application must connect to Message Server.',
    inSentence: 'the Management Layer',
    requiredBy: 'management-layer',
    missingConnectionWords: 'when the Management Layer is used',
    offWarning: 'management-layer-off',
  },
  scheduledReporting: {
    key: 'scheduledReporting',
    label: 'Scheduled reporting',
    description: 'WFM’s scheduled reports are used: a WFM Daemon that connects to WFM Web is required.',
    inSentence: 'scheduled reporting',
    requiredBy: 'scheduled-reporting',
    missingConnectionWords:
      'for scheduled reporting (without it WFM Daemon cannot generate the Report Scheduler)',
    requiresKind: { kind: 'daemon', toDo: 'run the scheduled reports' },
  },
} as const satisfies { readonly [K in OptionKey]: OptionInfo & { readonly key: K } };

/** The options as the UI lists them. */
export const OPTION_CATALOG: readonly OptionInfo[] = Object.values(OPTIONS);

/** The catalog entry of an option: `optionInfo('managementLayer').label === 'Management Layer'`. */
export function optionInfo(key: OptionKey): OptionInfo {
  return OPTIONS[key];
}

/** The option a requirement comes from, if it comes from one: `requiringOption('management-layer')?.key === 'managementLayer'`. */
export function requiringOption(requiredBy: string): OptionInfo | undefined {
  return OPTION_CATALOG.find((option) => option.requiredBy === requiredBy);
}

/** Fills absent flags with their defaults: `resolveOptions({ managementLayer: true }).scheduledReporting === false`. */
export function resolveOptions(options: Partial<DeploymentOptions> | undefined): DeploymentOptions {
  return {
    managementLayer: options?.managementLayer ?? false,
    scheduledReporting: options?.scheduledReporting ?? false,
  };
}
