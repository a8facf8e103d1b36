package io.tagwarden.account;

import io.tagwarden.audit.AuditTrail;
import io.micronaut.transaction.annotation.Transactional;
import io.tagwarden.web.ConflictException;
import io.tagwarden.web.InvalidInputException;
import io.tagwarden.web.NotFoundException;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users, passwords and API tokens. There is always at least one active admin. */
@Singleton
public class AccountService {

    private final UserRepository users;
    private final ApiTokenRepository tokens;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    AccountService(UserRepository users, ApiTokenRepository tokens, PasswordHasher hasher, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.users = users;
        this.tokens = tokens;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** The active user with this name and password, if any; takes as long for unknown names. */
    @Transactional
    public Optional<User> authenticate(String username, String password) {
        Optional<User> user = users.findByUsername(username == null ? "" : username.strip().toLowerCase());
        if (user.isEmpty()) {
            hasher.burnTime(password == null ? "" : password);
            return Optional.empty();
        }
        boolean ok = hasher.matches(password == null ? "" : password, user.get().passwordHash());
        return ok && user.get().active() ? user : Optional.empty();
    }

    @Transactional
    public User create(UserRequest request) {
        String username = request.username().strip().toLowerCase();
        if (users.findByUsername(username).isPresent()) {
            throw new InvalidInputException("username", "is already taken");
        }
        Instant now = clock.instant();
        User saved = users.save(new User(null, username, hasher.hash(request.password()), Role.valueOf(request.role()), true, now, now));
        audit.record("user.created", null, "user " + username, null, UserView.of(saved));
        return saved;
    }

    @Transactional
    public List<User> list() {
        return users.findAllOrderByUsername();
    }

    @Transactional
    public User get(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("No user " + id));
    }

    @Transactional
    public User changeRole(long id, Role role) {
        User user = get(id);
        if (user.role() == Role.admin && role != Role.admin) {
            requireAnotherActiveAdmin(user);
        }
        User saved = users.update(user.withRole(role, clock.instant()));
        audit.record("user.role_changed", null, "user " + user.username(), UserView.of(user), UserView.of(saved));
        return saved;
    }

    @Transactional
    public User setActive(long id, boolean active) {
        User user = get(id);
        if (!active && user.role() == Role.admin) {
            requireAnotherActiveAdmin(user);
        }
        User saved = users.update(user.withActive(active, clock.instant()));
        audit.record(active ? "user.activated" : "user.deactivated", null, "user " + user.username(), UserView.of(user), UserView.of(saved));
        return saved;
    }

    @Transactional
    public void setPassword(long id, String password) {
        if (password == null || password.length() < 12 || password.length() > 200) {
            throw new InvalidInputException("password", "must be 12 to 200 characters");
        }
        User user = get(id);
        users.update(user.withPasswordHash(hasher.hash(password), clock.instant()));
        audit.record("user.password_set", null, "user " + user.username(), null, null);
    }

    @Transactional
    public boolean hasUsers() {
        return users.count() > 0;
    }

    @Transactional
    public IssuedToken issueToken(long userId, String name) {
        String token = TokenHashing.newToken(random);
        ApiToken saved = tokens.save(new ApiToken(null, userId, name, TokenHashing.sha256(token),
                token.substring(0, 10), clock.instant(), null));
        audit.record("api_token.issued", null, "API token " + saved.prefix() + "… (" + name + ") of user " + userId, null, null);
        return new IssuedToken(saved.id(), saved.name(), token, saved.createdAt());
    }

    @Transactional
    public List<ApiToken> tokensOf(long userId) {
        return tokens.findByUserIdOrderByCreatedAtDesc(userId);
    }

    @Transactional
    public void revokeToken(long userId, long tokenId) {
        ApiToken token = tokens.findByIdAndUserId(tokenId, userId).orElseThrow(() -> new NotFoundException("No token " + tokenId));
        tokens.delete(token);
        audit.record("api_token.revoked", null, "API token " + token.prefix() + "… (" + token.name() + ") of user " + userId, null, null);
    }

    /** The active user a raw API token belongs to; records when it was last used. */
    @Transactional
    public Optional<User> userForToken(String token) {
        if (token == null || !token.startsWith(TokenHashing.PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(TokenHashing.sha256(token)).flatMap(t -> {
            tokens.updateLastUsedAtById(t.id(), clock.instant());
            return users.findById(t.userId());
        }).filter(User::active);
    }

    private void requireAnotherActiveAdmin(User user) {
        if (user.active() && users.countByRoleAndActive(Role.admin, true) <= 1) {
            throw new ConflictException("'" + user.username() + "' is the last active admin; make another admin first");
        }
    }
}
