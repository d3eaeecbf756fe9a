import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessService } from '../auth/access.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { LoginThrottleService } from '../auth/login-throttle.service.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { RefreshTokenService } from '../auth/refresh-token.service.js';
import { TokenService } from '../auth/token.service.js';
import { isUniqueViolation } from '../common/database-errors.js';
import { Role } from '../common/enums.js';
import { BadInputError, ConflictError, NotFoundError, UnauthenticatedError } from '../common/errors.js';
import { isStorableText, requireText, requireUuid } from '../common/validate.js';
import { PlanEntity } from '../plans/plan.entity.js';
import { AreaSecretariatEntity } from '../registry/area-secretariat.entity.js';
import type { CreateUserInput } from './dto/create-user.input.js';
import type { UpdateUserInput } from './dto/update-user.input.js';
import { UserEntity } from './user.entity.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PLAN_ROLES = [Role.PROJECT_SECRETARIAT, Role.BOARD_MEMBER];

/** What login and refreshSession give: an access token, the next refresh token, and the user. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  user: UserEntity;
}

function requirePassword(field: string, password: string): void {
  if (password.length < 8) throw new BadInputError(field, 'must be at least 8 characters long');
  if (password.length > 200) throw new BadInputError(field, 'must be at most 200 characters long');
}

// Compared against when the email is unknown, so a login takes as long either way.
const NO_SUCH_USER_HASH = hashPassword('no such user');

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly throttle: LoginThrottleService,
  ) {}

  async login(email: string, password: string): Promise<Session> {
    if (!isStorableText(email) || email.length > 254) throw new UnauthenticatedError('Wrong email or password');
    const user = await this.dataSource.manager.findOneBy(UserEntity, { email: email.trim().toLowerCase() });
    const ok = await verifyPassword(password, user?.passwordHash ?? (await NO_SUCH_USER_HASH));
    if (!user || !ok) throw new UnauthenticatedError('Wrong email or password');
    // Said only to whoever knows the password: a guesser learns nothing from it.
    if (!user.active) throw new UnauthenticatedError('This account has been deactivated: ask an administrator');
    return { accessToken: this.tokens.sign(user), refreshToken: await this.refreshTokens.start(user.id), user };
  }

  /** A refresh token for the next pair: the access token says what the user is now (role, scope, version). */
  async refreshSession(refreshToken: string): Promise<Session> {
    const { userId, refreshToken: next } = await this.refreshTokens.rotate(refreshToken);
    const user = await this.dataSource.manager.findOneBy(UserEntity, { id: userId });
    if (!user?.active) throw new UnauthenticatedError('This account has been deactivated: ask an administrator');
    return { accessToken: this.tokens.sign(user), refreshToken: next, user };
  }

  /**
   * With a refresh token: ends that sign-in (its refresh tokens; its access token runs out within
   * the hour). Without one: ends every session of the caller, access tokens included.
   */
  async logout(auth: AuthUser | null, refreshToken: string | null | undefined): Promise<boolean> {
    if (refreshToken) return this.refreshTokens.revokeFamily(refreshToken);
    if (!auth) throw new UnauthenticatedError('logout needs a refreshToken or a signed-in caller');
    await this.dataSource.transaction(async (m) => {
      await this.endSessions(m, auth.id);
      await this.audit.record(m, auth, { operation: 'logout', entity: 'User', entityId: auth.id, planId: auth.planId });
    });
    return true;
  }

  async me(auth: AuthUser): Promise<UserEntity> {
    const user = await this.dataSource.manager.findOneBy(UserEntity, { id: auth.id });
    if (!user) throw new UnauthenticatedError('The account behind this token no longer exists');
    return user;
  }

  async users(auth: AuthUser): Promise<UserEntity[]> {
    this.access.requireRole(auth, [Role.ADMIN], 'list users');
    return this.dataSource.manager.find(UserEntity, { order: { email: 'ASC' } });
  }

  async createUser(auth: AuthUser, input: CreateUserInput): Promise<UserEntity> {
    this.access.requireRole(auth, [Role.ADMIN], 'create users');
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) throw new BadInputError('email', `"${input.email}" is not an email address`);
    const name = requireText('name', input.name);
    requirePassword('password', input.password);

    const { planId, areaSecretariatId } = await this.scopeFor(this.dataSource.manager, input.role, input.planId, input.areaSecretariatId);

    const passwordHash = await hashPassword(input.password);
    try {
      return await this.dataSource.transaction(async (m) => {
        const user = await m.save(m.create(UserEntity, { email, name, passwordHash, role: input.role, planId, areaSecretariatId }));
        // The password hash never enters the trail (AuditService drops it).
        await this.audit.record(m, auth, { operation: 'createUser', entity: 'User', entityId: user.id, planId: user.planId, after: user });
        return user;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`email: a user with email ${email} already exists`);
      throw error;
    }
  }

  /**
   * ADMIN: name, role, plan, area secretariat, active. The role and scope are checked as createUser
   * checks them. A deactivation or a change of role or scope ends the user's earlier tokens; an
   * ADMIN cannot deactivate itself or take away its own ADMIN role.
   */
  async updateUser(auth: AuthUser, input: UpdateUserInput): Promise<UserEntity> {
    this.access.requireRole(auth, [Role.ADMIN], 'change users');
    const id = requireUuid(input.id, 'User', 'id');
    const name = input.name === undefined ? undefined : requireText('name', input.name ?? '');
    if (input.role === null) throw new BadInputError('role', 'must not be null');
    if (input.active === null) throw new BadInputError('active', 'must not be null');
    if (id === auth.id && input.active === false) throw new BadInputError('active', 'an ADMIN cannot deactivate itself');
    if (id === auth.id && input.role !== undefined && input.role !== Role.ADMIN) {
      throw new BadInputError('role', 'an ADMIN cannot take away its own ADMIN role');
    }
    return this.dataSource.transaction(async (m) => {
      const before = await m.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw new NotFoundError('User', input.id, 'id');
      // A new role starts from no scope; the same role keeps the scope it has unless one is given.
      const role = input.role ?? before.role;
      const keep = role === before.role;
      const scope = await this.scopeFor(
        m,
        role,
        input.planId !== undefined ? input.planId : keep ? before.planId : null,
        input.areaSecretariatId !== undefined ? input.areaSecretariatId : keep ? before.areaSecretariatId : null,
      );
      const after: UserEntity = { ...before, role, ...scope, name: name ?? before.name, active: input.active ?? before.active };
      const endsSessions =
        (before.active && !after.active) ||
        after.role !== before.role ||
        after.planId !== before.planId ||
        after.areaSecretariatId !== before.areaSecretariatId;
      if (endsSessions) after.sessionVersion = before.sessionVersion + 1;
      await m.update(
        UserEntity,
        { id },
        {
          name: after.name,
          role: after.role,
          planId: after.planId,
          areaSecretariatId: after.areaSecretariatId,
          active: after.active,
          sessionVersion: after.sessionVersion,
        },
      );
      if (!after.active) await this.refreshTokens.revokeAll(m, id);
      await this.audit.recordChanges(m, auth, { operation: 'updateUser', entity: 'User', entityId: id, planId: after.planId ?? before.planId }, before, after);
      return after;
    });
  }

  /** ADMIN: a new password for someone (e.g. one who forgot theirs). Ends every session of that user. */
  async setUserPassword(auth: AuthUser, userId: string, password: string): Promise<boolean> {
    this.access.requireRole(auth, [Role.ADMIN], 'set passwords');
    const id = requireUuid(userId, 'User', 'userId');
    requirePassword('password', password);
    const user = await this.dataSource.manager.findOneBy(UserEntity, { id });
    if (!user) throw new NotFoundError('User', userId, 'userId');
    await this.replacePassword(auth, user, password, 'setUserPassword');
    return true;
  }

  /**
   * Anyone, for themselves. A wrong current password is UNAUTHENTICATED and a failed login of the
   * account (the login throttle, which also refuses this while the account is blocked). Ends every
   * session of the caller, this one included: the client logs in again with the new password.
   */
  async changePassword(auth: AuthUser, currentPassword: string, newPassword: string, address: string | undefined): Promise<boolean> {
    requirePassword('newPassword', newPassword);
    const user = await this.me(auth);
    const attempt = await this.throttle.begin(user.email, address);
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      await attempt.failed();
      throw new UnauthenticatedError('currentPassword: wrong password');
    }
    await this.replacePassword(auth, user, newPassword, 'changePassword');
    return true;
  }

  private async replacePassword(auth: AuthUser, user: UserEntity, password: string, operation: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (m) => {
      await m.update(UserEntity, { id: user.id }, { passwordHash });
      await this.endSessions(m, user.id);
      // The hash never enters the trail: the row says only that the password was replaced.
      await this.audit.record(m, auth, { operation, entity: 'User', entityId: user.id, planId: user.planId, after: { password: 'replaced' } });
    });
  }

  /** Every access token issued so far fails the session check from the next request on; refresh tokens are revoked. */
  private async endSessions(m: EntityManager, userId: string): Promise<void> {
    await m.query(`UPDATE users SET session_version = session_version + 1 WHERE id = $1`, [userId]);
    await this.refreshTokens.revokeAll(m, userId);
  }

  /** The plan and area secretariat a role needs, exactly these (createUser and updateUser alike). */
  private async scopeFor(
    m: EntityManager,
    role: Role,
    planIdInput: string | null | undefined,
    areaSecretariatIdInput: string | null | undefined,
  ): Promise<{ planId: string | null; areaSecretariatId: string | null }> {
    let planId: string | null = null;
    let areaSecretariatId: string | null = null;
    if (PLAN_ROLES.includes(role)) {
      if (!planIdInput) throw new BadInputError('planId', `is required for role ${role}`);
      planId = requireUuid(planIdInput, 'Plan', 'planId');
      if (!(await m.existsBy(PlanEntity, { id: planId }))) throw new NotFoundError('Plan', planIdInput, 'planId');
    } else if (planIdInput) {
      throw new BadInputError('planId', `must not be given for role ${role}`);
    }
    if (role === Role.AREA_SECRETARIAT) {
      if (!areaSecretariatIdInput) throw new BadInputError('areaSecretariatId', 'is required for role AREA_SECRETARIAT');
      areaSecretariatId = requireUuid(areaSecretariatIdInput, 'AreaSecretariat', 'areaSecretariatId');
      if (!(await m.existsBy(AreaSecretariatEntity, { id: areaSecretariatId }))) {
        throw new NotFoundError('AreaSecretariat', areaSecretariatIdInput, 'areaSecretariatId');
      }
    } else if (areaSecretariatIdInput) {
      throw new BadInputError('areaSecretariatId', `must not be given for role ${role}`);
    }
    return { planId, areaSecretariatId };
  }

  /** ADMIN_EMAIL / ADMIN_PASSWORD at start: create that ADMIN unless a user has the email already. */
  async ensureAdmin(email: string, password: string): Promise<void> {
    const normalised = email.trim().toLowerCase();
    if (await this.dataSource.manager.existsBy(UserEntity, { email: normalised })) return;
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (m) => {
      const result = await m
        .createQueryBuilder()
        .insert()
        .into(UserEntity)
        .values({ email: normalised, name: 'Administrator', passwordHash, role: Role.ADMIN })
        .orIgnore()
        .returning(['id'])
        .execute();
      const id = result.raw[0]?.id as string | undefined;
      if (id) {
        await this.audit.record(m, null, {
          operation: 'bootstrapAdmin',
          entity: 'User',
          entityId: id,
          planId: null,
          after: { email: normalised, role: Role.ADMIN },
        });
      }
    });
    this.logger.log(`Created ADMIN ${normalised}`);
  }
}
