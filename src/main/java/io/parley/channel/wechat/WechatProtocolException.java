package io.parley.channel.wechat;

/** A request from the platform that breaks the protocol: bad XML, a DTD, bad encryption, another AppID. */
final class WechatProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WechatProtocolException(String message) {
        super(message);
    }
}
