// Documented length limits of metadata fields the deploy enforces but the WSDL types do not carry. Each limit cites
// where it is documented; the few that are assumed say so. Lengths count characters of the element's text exactly as
// the file holds it (after XML unescaping): the indentation and line breaks of wrapped XML count too.

export interface LengthLimit {
    max: number;
    source: string;
}

const PERMISSION_SET_OBJECT =
    'Object Reference, PermissionSet fields: Description string(255), Label string(80), Name string(80) ' +
    '(developer.salesforce.com/docs/atlas.en-us.sfFieldRef.meta/sfFieldRef/salesforce_field_reference_PermissionSet.htm); ' +
    'Metadata API Developer Guide, PermissionSet: "description … Maximum 255 characters"';
const NAMES_AND_LABELS_40 =
    'Salesforce Help, Knowledge Article 000381913: "The current character limit for creating field names and labels is ' +
    '40 characters" (custom objects likewise: 40 + the __c suffix)';
const CUSTOM_FIELD_ATTRIBUTES =
    'Salesforce Help, "Custom Field Attributes": Description up to 1,000 characters, Help Text up to 510 characters ' +
    '(not found in the offline docs corpus; the platform limits as long published)';
const ASSUMED_255 =
    'No documented limit found (Metadata API Developer Guide lists the field as a plain string); assumed 255, the limit ' +
    'of the other setup descriptions (PermissionSet), so an over-long description fails here rather than in an org';

/** `<Metadata type>.<element>` → limit, for the element's text. */
export const ELEMENT_LENGTH_LIMITS: Readonly<Record<string, LengthLimit>> = {
    'PermissionSet.description': { max: 255, source: PERMISSION_SET_OBJECT },
    'PermissionSet.label': { max: 80, source: PERMISSION_SET_OBJECT },
    'CustomField.label': { max: 40, source: NAMES_AND_LABELS_40 },
    'CustomField.description': { max: 1000, source: CUSTOM_FIELD_ATTRIBUTES },
    'CustomField.inlineHelpText': { max: 510, source: CUSTOM_FIELD_ATTRIBUTES },
    'CustomObject.label': { max: 40, source: NAMES_AND_LABELS_40 },
    'CustomObject.pluralLabel': { max: 40, source: NAMES_AND_LABELS_40 },
    'ExternalCredential.description': { max: 255, source: ASSUMED_255 },
    'LightningMessageChannel.description': { max: 255, source: ASSUMED_255 }
};

/** API names (the file's component name, without a `__c`/`__mdt` suffix or a `Type.` record prefix) → limit. */
export const API_NAME_LIMITS: Readonly<Record<string, LengthLimit>> = {
    CustomField: { max: 40, source: NAMES_AND_LABELS_40 },
    CustomObject: { max: 40, source: NAMES_AND_LABELS_40 },
    CustomMetadata: { max: 40, source: NAMES_AND_LABELS_40 },
    PermissionSet: { max: 80, source: PERMISSION_SET_OBJECT }
};

/** The API name a limit applies to: `Deal_Health_Snapshot__c` → `Deal_Health_Snapshot`, `Setting.Max_Nudges` → `Max_Nudges`. */
export function apiNameOf(metadataType: string, componentName: string): string {
    const withoutRecordPrefix =
        metadataType === 'CustomMetadata' ? componentName.slice(componentName.indexOf('.') + 1) : componentName;
    return withoutRecordPrefix.replace(/__(c|mdt|e|b|x)$/, '');
}
