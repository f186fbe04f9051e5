import { z } from 'zod';
import { AssumptionSchema } from './assumption';
import {
  ActorIdSchema,
  AssetIdSchema,
  ComponentIdSchema,
  DataFlowIdSchema,
  DesignLinkIdSchema,
  EntryPointIdSchema,
  TrustBoundaryIdSchema,
  UseCaseIdSchema,
} from './element-ids';
import { InheritedFromSchema } from './inheritance';
import { LIMITS } from './limits';
import { multilineText, text, WebUrlSchema } from './primitives';
import { ResponsibilityModelSchema } from './shared-responsibility';
import { DfdKindSchema } from './stride';

const name = text(LIMITS.nameMax).describe('Short name, shown in selects and diagrams');
const description = multilineText(LIMITS.descriptionMax).optional().describe('What it is, in a sentence or two');
/** Present exactly when the element is out of scope, so a reason is never missing (see out-of-scope.ts). */
const outOfScopeReason = multilineText(LIMITS.descriptionMax)
  .optional()
  .describe('Why the element is out of scope; absent while it is in scope');

/** Data classification of an asset, from least to most sensitive. */
export const DATA_CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'] as const;
export const DataClassificationSchema = z.enum(DATA_CLASSIFICATIONS).describe('Data classification');
export type DataClassification = z.infer<typeof DataClassificationSchema>;

export const AssetSchema = z
  .strictObject({
    id: AssetIdSchema,
    name,
    description,
    outOfScopeReason,
    classification: DataClassificationSchema,
  })
  .describe('Something of value the feature must protect: credentials, customer records, money');
export type Asset = z.infer<typeof AssetSchema>;

export const ActorSchema = z
  .strictObject({
    id: ActorIdSchema,
    name,
    description,
    outOfScopeReason,
    kind: z.enum(['human', 'system']).describe('A person or another system'),
    trustLevel: text(LIMITS.nameMax).optional().describe('e.g. anonymous, authenticated customer, operator'),
    trustBoundaryId: TrustBoundaryIdSchema.optional(),
  })
  .describe('Someone or something outside the feature that interacts with it');
export type Actor = z.infer<typeof ActorSchema>;

/** How callers prove who they are at an entry point. */
export const AUTHENTICATION_METHODS = [
  'none',
  'api_key',
  'session_cookie',
  'oauth2',
  'jwt',
  'aws_iam',
  'mtls',
  'basic',
  'other',
] as const;
export const AuthenticationMethodSchema = z.enum(AUTHENTICATION_METHODS).describe('How callers authenticate');

/** The kind every component offers besides its catalog type's native kinds: what the feature itself adds. */
export const CUSTOM_ENTRY_POINT_KIND = 'custom';

/** Whether an entry point is reachable only from inside (private) or from the internet (public). */
export const EXPOSURES = ['private', 'public'] as const;
export const ExposureSchema = z.enum(EXPOSURES).describe('Reachable only privately, or publicly');
export type Exposure = z.infer<typeof ExposureSchema>;

export const EntryPointSchema = z
  .strictObject({
    id: EntryPointIdSchema,
    name,
    description,
    outOfScopeReason,
    componentId: ComponentIdSchema.describe('The component that exposes this entry point'),
    kind: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      .optional()
      .describe(
        "A native entry-point kind of the component's catalog type (such as s3-api), or custom; " +
          'absent in models saved before entry points had kinds',
      ),
    exposure: ExposureSchema.optional().describe('For kinds that offer the choice, such as the S3 API'),
    authentication: AuthenticationMethodSchema,
    authenticationNotes: multilineText(LIMITS.descriptionMax).optional(),
  })
  .describe('A way in: an API route, a queue, a console login, an upload bucket');
export type EntryPoint = z.infer<typeof EntryPointSchema>;

export const ComponentSchema = z
  .strictObject({
    id: ComponentIdSchema,
    name,
    description,
    outOfScopeReason,
    type: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      .describe('A component type id from the catalog, such as aws-lambda or relational-db'),
    kind: DfdKindSchema.exclude(['data_flow']).describe(
      "The component's kind in a data-flow diagram, taken from its catalog type when it was added",
    ),
    responsibility: ResponsibilityModelSchema.optional().describe(
      'The shared-responsibility model, taken from its catalog type when it was added (if the type names one)',
    ),
    trustBoundaryId: TrustBoundaryIdSchema.optional(),
    inherited: InheritedFromSchema.optional(),
  })
  .describe('A part of the system: a service, a function, a database, a queue');
export type Component = z.infer<typeof ComponentSchema>;

export const DataFlowSchema = z
  .strictObject({
    id: DataFlowIdSchema,
    from: z.union([ActorIdSchema, ComponentIdSchema]).describe('Where the data comes from'),
    to: z.union([ActorIdSchema, ComponentIdSchema]).describe('Where the data goes'),
    data: text(LIMITS.nameMax).describe('What data moves, e.g. "refund request with card token"'),
    assetIds: z.array(AssetIdSchema).max(LIMITS.elementsMax).default([]),
    protocol: text(LIMITS.nameMax).optional().describe('e.g. HTTPS, SQS, JDBC over TLS'),
    crossesTrustBoundary: z.boolean().describe('Whether the flow crosses a trust boundary'),
    outOfScopeReason,
  })
  .describe('Data moving from one actor or component to another');
export type DataFlow = z.infer<typeof DataFlowSchema>;

export const TrustBoundarySchema = z
  .strictObject({
    id: TrustBoundaryIdSchema,
    name,
    description,
    outOfScopeReason,
    trustLevel: text(LIMITS.nameMax).optional().describe('e.g. internet, VPC private subnet, payment zone'),
  })
  .describe('A zone whose members share a trust level; flows leaving it cross a boundary');
export type TrustBoundary = z.infer<typeof TrustBoundarySchema>;

export const UseCaseSchema = z
  .strictObject({
    id: UseCaseIdSchema,
    name,
    description,
    outOfScopeReason,
    actorIds: z.array(ActorIdSchema).max(LIMITS.elementsMax).default([]),
  })
  .describe('Something an actor does with the feature');
export type UseCase = z.infer<typeof UseCaseSchema>;

export const DesignLinkSchema = z
  .strictObject({
    id: DesignLinkIdSchema,
    title: name,
    url: WebUrlSchema,
  })
  .describe('A link to a design document or diagram');
export type DesignLink = z.infer<typeof DesignLinkSchema>;

const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.elementsMax).default([]);

/** Step 1: what is being modelled. */
export const ScopeSchema = z
  .strictObject({
    description: multilineText(LIMITS.descriptionMax).optional().describe('What the feature does'),
    assets: list(AssetSchema),
    actors: list(ActorSchema),
    entryPoints: list(EntryPointSchema),
    components: list(ComponentSchema),
    dataFlows: list(DataFlowSchema),
    trustBoundaries: list(TrustBoundarySchema),
    useCases: list(UseCaseSchema),
    designLinks: list(DesignLinkSchema),
    assumptions: list(AssumptionSchema),
  })
  .describe('Step 1: the scope of the feature');
export type Scope = z.infer<typeof ScopeSchema>;
