import { z } from 'zod';

/**
 * The shared-responsibility model of a kind of component: who secures which layer. A component
 * takes its model from its catalog type when it is added, so the thread, step 3 and the report
 * can say what the provider secures and what the team itself must mitigate. The wording lives
 * here, once, for every place that shows it.
 */
export const RESPONSIBILITY_MODELS = ['abstracted', 'container', 'infrastructure', 'customer', 'third_party'] as const;
export const ResponsibilityModelSchema = z
  .enum(RESPONSIBILITY_MODELS)
  .describe(
    'Shared responsibility: abstracted (provider runs it, team owns configuration and API policy), ' +
      'container (team owns the platform configuration), infrastructure (team owns the OS and up), ' +
      'customer (runs on user devices), third_party (a vendor runs it)',
  );
export type ResponsibilityModel = z.infer<typeof ResponsibilityModelSchema>;

export interface ResponsibilitySplit {
  /** The model's name, as people read it. */
  name: string;
  /** What the provider (or the user, or the vendor) secures. */
  provider: string;
  /** What the team must mitigate itself. */
  team: string;
}

export const RESPONSIBILITY: Readonly<Record<ResponsibilityModel, ResponsibilitySplit>> = {
  abstracted: {
    name: 'Abstracted service',
    provider: 'the provider runs and secures the hosts, operating system, platform and the service itself',
    team: 'the API actions it allows and the policies granting them (resource and IAM policies), its settings, encryption and the data',
  },
  container: {
    name: 'Container service',
    provider: 'the provider secures the hardware, the host operating system and the platform that runs the engine',
    team: 'the engine and above: its configuration and version upgrades, network exposure, accounts, images, roles and the data',
  },
  infrastructure: {
    name: 'Infrastructure service',
    provider: 'the provider secures the hardware, the physical network and the virtualisation layer',
    team: 'the operating system and up: patching, hardening, network rules, access, every piece of software installed and the data',
  },
  customer: {
    name: 'Runs on the user’s device',
    provider: 'the user and their device vendor own the device, operating system and browser',
    team: 'the code shipped to the device, what it stores there and how it talks to back ends',
  },
  third_party: {
    name: 'Third-party service',
    provider: 'the vendor runs and secures the service',
    team: 'the integration: credentials and their scopes, the data shared and what comes back',
  },
};

/** One line saying who secures what, for a model; undefined when the type names none. */
export function responsibilityLine(model: ResponsibilityModel | undefined): string | undefined {
  if (!model) return undefined;
  const split = RESPONSIBILITY[model];
  return `${split.name}: ${split.provider}; the team must mitigate ${split.team}.`;
}
