import { ValidateIf } from 'class-validator';

/**
 * A PATCH field that may be left out but not set to null: class-validator's IsOptional skips
 * null too, which then reaches a NOT NULL column as a 500. With this, null is validated (and
 * refused by the field's own rules, e.g. IsString).
 */
export const Omittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
