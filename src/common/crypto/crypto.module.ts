import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { CredentialsCipher, parseKeyring } from './credentials-cipher.js';

@Global()
@Module({
  providers: [
    {
      provide: CredentialsCipher,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new CredentialsCipher(parseKeyring(config.credentialsKeys)),
    },
  ],
  exports: [CredentialsCipher],
})
export class CryptoModule {}
