/** Sign-in against the person table, and password hashing with PBKDF2. */
package org.calsync.infrastructure.security;
