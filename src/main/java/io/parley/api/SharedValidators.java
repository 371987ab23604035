package io.parley.api;

import io.vertx.core.file.FileSystem;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.SchemaException;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import io.vertx.openapi.contract.SecurityRequirement;
import io.vertx.openapi.contract.SecurityScheme;
import io.vertx.openapi.contract.Server;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract as the router sees it, with one schema validator per schema, made at its first use and shared. The
 * repository vertx-openapi 5.0 checks request bodies and parameters with makes a new validator for every request, and
 * each copies the lookup table of every schema of the description first: most of the CPU a small JSON request cost.
 * A validator only reads its schema and that table, both fixed once the contract is resolved, so sharing it checks
 * every request exactly as before.
 */
final class SharedValidators implements OpenAPIContract {
    private final OpenAPIContract contract;
    private final SchemaRepository repository;

    SharedValidators(OpenAPIContract contract) {
        this.contract = contract;
        this.repository = new Repository(contract.getSchemaRepository());
    }

    @Override
    public SchemaRepository getSchemaRepository() {
        return repository;
    }

    @Override
    public Operation operation(String operationId) {
        return contract.operation(operationId);
    }

    @Override
    public List<Operation> operations() {
        return contract.operations();
    }

    @Override
    public List<Path> getPaths() {
        return contract.getPaths();
    }

    @Override
    public JsonObject getRawContract() {
        return contract.getRawContract();
    }

    @Override
    public OpenAPIVersion getVersion() {
        return contract.getVersion();
    }

    @Override
    public List<Server> getServers() {
        return contract.getServers();
    }

    @Override
    public Path findPath(String urlPath) {
        return contract.findPath(urlPath);
    }

    @Override
    public Operation findOperation(String urlPath, HttpMethod method) {
        return contract.findOperation(urlPath, method);
    }

    @Override
    public List<SecurityRequirement> getSecurityRequirements() {
        return contract.getSecurityRequirements();
    }

    @Override
    public SecurityScheme securityScheme(String name) {
        return contract.securityScheme(name);
    }

    /** The contract's repository, remembering the validator of each schema instance it was asked for. */
    private static final class Repository implements SchemaRepository {
        private final SchemaRepository repository;
        private final Map<JsonSchema, Validator> validators = Collections.synchronizedMap(new IdentityHashMap<>());

        Repository(SchemaRepository repository) {
            this.repository = repository;
        }

        @Override
        public Validator validator(JsonSchema schema) {
            return validators.computeIfAbsent(schema, repository::validator);
        }

        @Override
        public SchemaRepository dereference(JsonSchema schema) throws SchemaException {
            return repository.dereference(schema);
        }

        @Override
        public SchemaRepository dereference(String uri, JsonSchema schema) throws SchemaException {
            return repository.dereference(uri, schema);
        }

        @Override
        public SchemaRepository preloadMetaSchema(FileSystem fs) {
            return repository.preloadMetaSchema(fs);
        }

        @Override
        public SchemaRepository preloadMetaSchema(FileSystem fs, io.vertx.json.schema.Draft draft) {
            return repository.preloadMetaSchema(fs, draft);
        }

        @Override
        public Validator validator(String ref) {
            return repository.validator(ref);
        }

        @Override
        public Validator validator(String ref, JsonSchemaOptions options) {
            return repository.validator(ref, options);
        }

        @Override
        public Validator validator(JsonSchema schema, JsonSchemaOptions options, boolean dereference) {
            return repository.validator(schema, options, dereference);
        }

        @Override
        public JsonObject resolve(JsonObject schema) {
            return repository.resolve(schema);
        }

        @Override
        public JsonSchema find(String pointer) {
            return repository.find(pointer);
        }
    }
}
