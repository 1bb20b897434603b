// A second, independent Fabric Gateway client: fabric-gateway for Node drives the peer named in a
// Pramaan connection file, so the development peer is not checked only by the Java library it was
// written against.
//
//   node gateway-check.mjs <connection.json> <new department code> [<unknown department code>]
//
// As the connection file's `admin` identity it checks that the department is not registered yet,
// submits RegisterIssuer for it, evaluates ReadIssuer and compares, submits the same registration
// again (idempotent: the same answer), submits a conflicting one (refused at endorsement with
// CONFLICT), evaluates ReadIssuer of an unknown department (refused with NOT_FOUND) and reads the
// IssuerChanged chaincode event of the first submit. It prints one line of JSON, {"ok":true,...}
// or {"ok":false,"step":...,"error":...},
// and exits 0 only when every check held.

import { readFile } from 'node:fs/promises';
import { createPrivateKey, randomInt } from 'node:crypto';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { connect, hash, signers, GatewayError, EndorseError, CommitError } from '@hyperledger/fabric-gateway';

const DEADLINE_MS = { evaluate: 10_000, endorse: 30_000, submit: 10_000, commitStatus: 60_000, events: 30_000 };
const WHOLE_RUN_MS = 120_000;
const DEPARTMENT = /^[A-Z][A-Z0-9]{1,7}$/;
// The contract puts its ErrorCode first in the message ("NOT_FOUND: department ..."), because
// clients get the endorsers' messages, not the payload (chaincode/README.md, Refusals). Only these
// names count: gRPC's own status names ("10 ABORTED: ...") have the same shape.
const CONTRACT_ERROR_CODES = new Set(['INVALID_ARGUMENT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'ISSUER_INACTIVE',
    'KEY_NOT_VALID', 'BATCH_TOO_LARGE', 'CORRUPT_STATE', 'MISCONFIGURED']);
const ERROR_CODE_IN_MESSAGE = /\b([A-Z][A-Z_]+): /g;
const utf8 = new TextDecoder();

class CheckFailed extends Error {
    constructor(step, message, extra = {}) {
        super(message);
        this.step = step;
        this.extra = extra;
    }
}

function deadline(ms) {
    return () => ({ deadline: Date.now() + ms });
}

function expect(step, condition, message, extra) {
    if (!condition) {
        throw new CheckFailed(step, message, extra);
    }
}

function parseArguments(argv) {
    const [connectionFile, department, unknown = randomUnknownDepartment()] = argv;
    if (!connectionFile || !department) {
        throw new CheckFailed('arguments', 'usage: gateway-check.mjs <connection.json> <new department code> [<unknown department code>]');
    }
    for (const code of [department, unknown]) {
        expect('arguments', DEPARTMENT.test(code), `'${code}' is not a department code (2-8 of A-Z, 0-9, starting with a letter)`);
    }
    expect('arguments', department !== unknown, 'the unknown department must differ from the new one');
    return { connectionFile: path.resolve(connectionFile), department, unknown };
}

function randomUnknownDepartment() {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    let code = 'Q';
    for (let i = 0; i < 7; i++) {
        code += alphabet[randomInt(alphabet.length)];
    }
    return code;
}

async function readConnection(file) {
    const connection = JSON.parse(await readFile(file, 'utf8'));
    const relative = (p) => path.resolve(path.dirname(file), p);
    expect('connection', typeof connection.channel === 'string', 'connection file has no "channel"');
    expect('connection', typeof connection.chaincode === 'string', 'connection file has no "chaincode"');
    expect('connection', Array.isArray(connection.peers) && connection.peers.length > 0, 'connection file has no "peers"');
    const admin = connection.identities?.admin;
    expect('connection', admin && admin.mspId && admin.certificate && admin.privateKey,
        'connection file has no "identities.admin" with mspId, certificate and privateKey');
    const peer = connection.peers[0];
    expect('connection', peer.endpoint && peer.tlsRootCert, 'the first peer needs "endpoint" and "tlsRootCert"');
    return {
        channel: connection.channel,
        chaincode: connection.chaincode,
        peer: {
            endpoint: peer.endpoint,
            hostOverride: peer.hostOverride,
            tlsRootCert: await readFile(relative(peer.tlsRootCert)),
        },
        admin: {
            mspId: admin.mspId,
            credentials: await readFile(relative(admin.certificate)),
            privateKey: createPrivateKey(await readFile(relative(admin.privateKey))),
        },
    };
}

function newGrpcClient(peer) {
    const options = peer.hostOverride ? { 'grpc.ssl_target_name_override': peer.hostOverride } : {};
    return new grpc.Client(peer.endpoint, grpc.credentials.createSsl(peer.tlsRootCert), options);
}

function text(bytes) {
    return utf8.decode(bytes);
}

/** The contract's error code in the endorsers' details, else in the error's own message. */
function errorCodeOf(err) {
    const messages = [...(err.details ?? []).map((d) => d.message), err.message];
    for (const message of messages) {
        for (const match of (message ?? '').matchAll(ERROR_CODE_IN_MESSAGE)) {
            if (CONTRACT_ERROR_CODES.has(match[1])) {
                return match[1];
            }
        }
    }
    return undefined;
}

function describeError(err) {
    const described = { error: `${err.name}: ${err.message}` };
    if (err instanceof GatewayError) {
        described.grpcCode = err.code;
        described.details = err.details;
    }
    if (err instanceof EndorseError || err instanceof CommitError) {
        described.transactionId = err.transactionId;
    }
    if (err instanceof CommitError) {
        described.validationCode = err.code;
    }
    return described;
}

/** Runs one step; an error from the client becomes a failure of that step, with the client's details. */
async function step(name, call) {
    try {
        return await call();
    } catch (err) {
        if (err instanceof CheckFailed) {
            throw err;
        }
        throw new CheckFailed(name, `${name} failed`, describeError(err));
    }
}

async function refusal(step, expectedCode, expectedErrorType, call) {
    let result;
    try {
        result = await call();
    } catch (err) {
        expect(step, err instanceof expectedErrorType,
            `expected ${expectedErrorType.name} but got ${err?.name}`, describeError(err));
        const code = errorCodeOf(err);
        expect(step, code === expectedCode, `expected the contract's ${expectedCode} but found ${code}`, describeError(err));
        return { grpcCode: err.code, code, message: err.details?.[0]?.message ?? err.message };
    }
    throw new CheckFailed(step, `expected a ${expectedCode} refusal but the call answered ${text(result)}`);
}

async function eventOf(network, chaincode, transactionId, blockNumber) {
    const events = await network.getChaincodeEvents(chaincode, { startBlock: blockNumber });
    const timer = setTimeout(() => events.close(), DEADLINE_MS.events);
    try {
        for await (const event of events) {
            if (event.transactionId === transactionId) {
                return event;
            }
            // The start block may hold other transactions' events; ours is in it or not at all.
            expect('event', event.blockNumber === blockNumber,
                `no event of transaction ${transactionId} in block ${blockNumber}; next was in block ${event.blockNumber}`);
        }
    } catch (err) {
        if (err instanceof CheckFailed) {
            throw err;
        }
        throw new CheckFailed('event', `event stream failed before the event of ${transactionId} arrived`, describeError(err));
    } finally {
        clearTimeout(timer);
        events.close();
    }
    throw new CheckFailed('event', `no event of transaction ${transactionId} within ${DEADLINE_MS.events} ms`);
}

async function run(args) {
    const connection = await step('connection', () => readConnection(args.connectionFile));
    const client = newGrpcClient(connection.peer);
    const gateway = connect({
        client,
        identity: { mspId: connection.admin.mspId, credentials: connection.admin.credentials },
        signer: signers.newPrivateKeySigner(connection.admin.privateKey),
        hash: hash.sha256,
        evaluateOptions: deadline(DEADLINE_MS.evaluate),
        endorseOptions: deadline(DEADLINE_MS.endorse),
        submitOptions: deadline(DEADLINE_MS.submit),
        commitStatusOptions: deadline(DEADLINE_MS.commitStatus),
        chaincodeEventsOptions: deadline(DEADLINE_MS.events),
    });
    try {
        const network = gateway.getNetwork(connection.channel);
        const contract = network.getContract(connection.chaincode);
        const names = { en: `Node gateway check ${args.department}`, te: 'నోడ్ గేట్‌వే తనిఖీ', hi: 'नोड गेटवे जाँच' };
        const registration = JSON.stringify({ department: args.department, names });

        // Only a new department gives an IssuerChanged event; a reused code would wait for one in vain.
        await refusal('fresh', 'NOT_FOUND', GatewayError, () => contract.evaluateTransaction('ReadIssuer', args.department))
            .catch((err) => {
                throw new CheckFailed('fresh', `department ${args.department} must be new on this network: ${err.message}`);
            });
        const submitted = await step('submit', () => contract.submitAsync('RegisterIssuer', { arguments: [registration] }));
        const status = await step('commit', () => submitted.getStatus());
        expect('commit', status.successful, `RegisterIssuer committed with status ${status.code}`,
            { transactionId: status.transactionId, validationCode: status.code });
        const registered = text(submitted.getResult());
        const record = JSON.parse(registered);
        expect('submit', record.department === args.department && record.status === 'ACTIVE',
            `RegisterIssuer answered ${registered}`);

        const read = text(await step('evaluate', () => contract.evaluateTransaction('ReadIssuer', args.department)));
        expect('evaluate', read === registered, `ReadIssuer answered ${read}, RegisterIssuer ${registered}`);
        const issuer = JSON.parse(read);
        expect('evaluate', JSON.stringify(issuer.names) === JSON.stringify(names)
                && Array.isArray(issuer.signers) && issuer.signers.length === 0 && !('suspensionReason' in issuer),
            `ReadIssuer answered ${read}`);

        const again = text(await step('idempotent', () => contract.submitTransaction('RegisterIssuer', registration)));
        expect('idempotent', again === registered, `a repeated RegisterIssuer answered ${again}, the first ${registered}`);

        const conflicting = JSON.stringify({ department: args.department, names: { ...names, en: `${names.en}, renamed` } });
        const conflict = await refusal('conflict', 'CONFLICT', EndorseError,
            () => contract.submitTransaction('RegisterIssuer', conflicting));
        const unknown = await refusal('refusal', 'NOT_FOUND', GatewayError,
            () => contract.evaluateTransaction('ReadIssuer', args.unknown));

        const event = await eventOf(network, connection.chaincode, status.transactionId, status.blockNumber);
        expect('event', event.eventName === 'IssuerChanged' && event.chaincodeName === connection.chaincode,
            `event ${event.eventName} of chaincode ${event.chaincodeName}`);
        const eventPayload = JSON.parse(text(event.payload));
        expect('event', eventPayload.department === args.department && eventPayload.change === 'REGISTERED',
            `IssuerChanged payload ${text(event.payload)}`);

        return {
            ok: true,
            client: 'fabric-gateway-node',
            department: args.department,
            transactionId: status.transactionId,
            blockNumber: Number(status.blockNumber),
            issuer: issuer,
            event: { name: event.eventName, transactionId: event.transactionId, blockNumber: Number(event.blockNumber), payload: eventPayload },
            conflict,
            refusal: { transaction: 'ReadIssuer', department: args.unknown, ...unknown },
        };
    } finally {
        gateway.close();
        client.close();
    }
}

function fail(err) {
    const step = err instanceof CheckFailed ? err.step : 'unexpected';
    const extra = err instanceof CheckFailed ? err.extra : describeError(err);
    console.log(JSON.stringify({ ok: false, step, error: err.message, ...extra }));
    process.exit(1);
}

const watchdog = setTimeout(() => fail(new CheckFailed('timeout', `not finished within ${WHOLE_RUN_MS} ms`)), WHOLE_RUN_MS);
try {
    const summary = await run(parseArguments(process.argv.slice(2)));
    clearTimeout(watchdog);
    console.log(JSON.stringify(summary));
} catch (err) {
    fail(err);
}
