import type { TokenResponse, UserResponse } from './dto/auth-responses.dto.js';
import type { User } from './user.entity.js';

export function toUserResponse(user: Pick<User, 'id' | 'email' | 'name'>): UserResponse {
  return { id: user.id, email: user.email, name: user.name };
}

export function toTokenResponse(token: { accessToken: string; expiresIn: number }): TokenResponse {
  return { access_token: token.accessToken, token_type: 'Bearer', expires_in: token.expiresIn };
}
