import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'offsite:public';

/** Marks a route as callable without a token. Every other route must declare a permission. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
