import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Injectable } from '@nestjs/common';
import type { JitMode } from './compiled-operations.js';
import type { DirectRead } from './direct-reads.js';
import { jitGateway } from './jit-executor.js';

export interface JitApolloDriverConfig extends ApolloDriverConfig {
  /** How hot queries are executed (docs/scaling.md); `off` is Apollo's own graphql-js execution. */
  jit?: JitMode;
  /** Operations answered whole from one SQL statement where they can be (direct-reads.ts); not with jit `off`. */
  directReads?: readonly DirectRead[];
}

/**
 * Nest's Apollo driver with compiled execution of hot queries: once Nest has built the schema, it is
 * handed to Apollo through a gateway whose executor uses graphql-jit (see jit-executor.ts).
 */
@Injectable()
export class JitApolloDriver extends ApolloDriver {
  override async start(options: JitApolloDriverConfig): Promise<void> {
    const { jit = 'hot', directReads = [], ...apolloOptions } = options;
    if (jit === 'off' || !apolloOptions.schema) return super.start(apolloOptions);
    // ApolloDriverConfig leaves `gateway` out (federation has its own driver); Apollo Server takes it as is.
    return super.start({ ...apolloOptions, gateway: jitGateway(apolloOptions.schema, jit, directReads) } as ApolloDriverConfig);
  }
}
