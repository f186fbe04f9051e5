/** Small catalog files for tests: a generic type, an AWS type implementing it, threats and controls. */
export const TYPES_YAML = `componentTypes:
  - id: web-api
    name: Web API
    description: An HTTP API.
    entryPointKinds: [{ id: http-api, name: HTTP endpoints }]
    category: generic
    dfdKind: process
  - id: object-store
    name: Object store
    description: Stores blobs.
    entryPointKinds: [{ id: object-api, name: Object API, exposure: true }]
    category: generic
    dfdKind: data_store
  - id: aws-s3
    name: Amazon S3
    description: AWS object storage.
    entryPointKinds: [{ id: s3-api, name: S3 API, exposure: true }]
    category: aws
    dfdKind: data_store
    implements: [object-store]
    responsibility: abstracted
`;

export const THREATS_YAML = `threats:
  - id: thr-public-bucket
    title: Bucket readable by anyone
    threatSource: internet-based threat actor
    threatAction: list and download objects from a publicly readable bucket
    threatImpact: disclosure of stored files
    impactedGoals: [confidentiality]
    impactedAssets: [customer files]
    stride: [I]
    appliesTo: [aws-s3]
    controls: [ctl-block-public-access]
    severity: high
    references: { cwe: [CWE-284], owaspTop10: ["A01:2021"] }
  - id: thr-object-overwrite
    title: Objects overwritten by a writer with broad rights
    threatSource: compromised workload
    prerequisites: with write access to the store
    threatAction: overwrite stored objects
    impactedGoals: [integrity]
    stride: [T]
    appliesTo: [object-store]
    controls: [ctl-versioning]
    severity: medium
  - id: thr-sql-injection
    title: SQL injection through request parameters
    threatSource: internet-based threat actor
    threatAction: inject SQL through a request parameter
    impactedGoals: [confidentiality, integrity]
    stride: [T, I, E]
    appliesTo: [web-api]
    controls: [ctl-parameterized-queries]
    severity: critical
    references: { cwe: [CWE-89], capec: [CAPEC-66] }
`;

export const CONTROLS_YAML = `controls:
  - id: ctl-block-public-access
    title: Block public access on every bucket
    description: Turn on S3 Block Public Access at account and bucket level.
    stride: [I]
    appliesTo: [aws-s3]
    references: { awsFsbp: [S3.1, S3.8] }
  - id: ctl-versioning
    title: Version objects
    description: Keep previous versions so overwrites can be undone.
    stride: [T]
    appliesTo: [object-store]
  - id: ctl-parameterized-queries
    title: Parameterized queries only
    description: Never build SQL by concatenating input.
    stride: [T, I]
    appliesTo: [web-api]
`;
