/**
 * The access application sub-client (数据共享申请) for conditionally shared resources: apply, status, withdraw, decide; due dates in working days ({@code docs/protocol.md} section 8).
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.client.application;

import org.jspecify.annotations.NullMarked;
