package io.flotilla.scenarios.model;

/**
 * A storage class. {@code type} is {@code local} (a bound volume pins its task to that node) or
 * {@code network} (attachable from any node); {@code binding} is Kubernetes' volume binding mode,
 * {@code Immediate} (the default) or {@code WaitForFirstConsumer}.
 */
public record StorageClassDecl(String name, String type, String binding, SourcePos pos) {}
